//! The same query gives the same numbers, bit for bit.

use doorstroom_model::{Column, Measure, Scenario, Stream};

fn bits(query: &str) -> Vec<u64> {
    let run = Scenario::from_query(query).0.run();
    let mut out = Vec::new();
    for m in Measure::ALL {
        for stream in Stream::ALL.map(Some).into_iter().chain([None]) {
            out.extend(
                run.series(Column { measure: m, stream })
                    .iter()
                    .map(|v| v.to_bits()),
            );
        }
    }
    out
}

#[test]
fn same_query_same_bits() {
    for query in [
        "",
        "v=1&intake=77000&fte=600",
        "term=6&order=court&intake_growth=0.13&until=2033-04-30",
    ] {
        let first = bits(query);
        assert_eq!(first, bits(query), "{query}");
        let again = std::thread::spawn(move || bits(query)).join().unwrap();
        assert_eq!(first, again, "{query} on another thread");
    }
}
