//! Every run keeps its books: cases are conserved per stream and week, no
//! stock is negative, the statuses add up to the backlog.

use crate::common::{check_run, scenario};

#[test]
fn named_scenarios_keep_their_books() {
    for query in [
        "",
        "baa=0",
        "term=6",
        "intake=77000&fte=600",
        "intake=49000&fte=900&order=fifo",
        "order=court&term=6&statutory_asylum=on",
        "order=newest&intake_growth=0.2",
        "intake=0&fte=2000&until=2033-04-30",
        "fte=0&capacity_t1=0&capacity_t2=0&capacity_nareis=0&baa=0",
        "until=2023-06-01",
        "from=2026-01-01&until=2030-12-31&term=36349",
        "from=2024-07-01&until=2034-06-30&term=15all&intake_growth=0.3",
    ] {
        let s = scenario(query);
        check_run(&s, &s.run());
    }
}

#[test]
fn run_and_simulate_agree() {
    let s = scenario("intake=77000");
    assert_eq!(s.run(), doorstroom_model::simulate(&s));
}

mod random {
    use crate::common::check_run;
    use doorstroom_model::{Scenario, levers, scenario_at};
    use proptest::prelude::*;

    /// Any scenario the levers can make, horizon and dates included.
    fn scenario() -> impl Strategy<Value = Scenario> {
        proptest::collection::vec((0..levers().len(), 0.0..=1.0f64), 0..16).prop_map(scenario_at)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn any_scenario_keeps_its_books(s in scenario()) {
            check_run(&s, &s.run());
        }
    }
}
