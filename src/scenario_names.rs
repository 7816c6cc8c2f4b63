//! Scenarios in words: what a scenario changes against another, and the
//! name a pinned scenario goes by on screen (its title, or else what it
//! changes against the default), so that a baseline is never just "the
//! baseline".

use doorstroom_model::{Lang, Lever, Scenario, Text, levers, t};

/// The lever of the horizon's end: a change of view rather than of policy
/// (the baseline is always run over the scenario's own horizon), so it is
/// left out of "what changed".
const HORIZON_KEY: &str = "until";

pub const DEFAULT_SCENARIO: Text = t("standaardscenario", "default scenario");
pub const BASELINE: Text = t("basislijn", "baseline");
pub const NO_CHANGES: Text = t("geen wijzigingen", "no changes");

/// The levers whose values differ between `a` and `b`, horizon aside, in
/// the table's order.
pub fn differing<'a>(
    a: &'a Scenario,
    b: &'a Scenario,
) -> impl Iterator<Item = &'static Lever> + 'a {
    levers()
        .iter()
        .filter(move |l| l.key != HORIZON_KEY && !l.same(a, b))
}

/// One lever of `s` in words: "Instroom 77.000 per jaar".
pub fn lever_in_words(lever: &Lever, s: &Scenario, lang: Lang) -> String {
    format!("{} {}", lever.label.get(lang), lever.describe(s, lang))
}

/// What `s` changes against `base`, lever by lever, in words.
pub fn changes(s: &Scenario, base: &Scenario, lang: Lang) -> Vec<String> {
    differing(s, base)
        .map(|l| lever_in_words(l, s, lang))
        .collect()
}

/// The name of a scenario on screen: its title, else what it changes
/// against the default ("Instroom 77.000 per jaar, Beslistermijn 6
/// maanden"), else "default scenario".
pub fn name(title: &str, s: Option<&Scenario>, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let default = Scenario::default();
    let words = s.map(|s| changes(s, &default, lang)).unwrap_or_default();
    if words.is_empty() {
        DEFAULT_SCENARIO.get(lang).to_owned()
    } else {
        words.join(", ")
    }
}

/// The short name of a scenario, for a slide's title and a chart's legend:
/// its title; else its most important change against what it is measured
/// against (the default, or "From now" from its day for a run from a later
/// day) and how many more there are ("Instroom 60.000 per jaar + 3 meer");
/// else "default scenario". The levers' table lists the headline levers
/// first and the rest by weight, so the first change is the most important.
pub fn short_name(title: &str, s: &Scenario, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let base = crate::state::baseline_for(None, s);
    let from_now = base != Scenario::default();
    let mut changed = differing(s, &base).filter(|l| !from_now || l.key != "from");
    let first = changed.next();
    let more = changed.count();
    let lead = from_now
        .then(|| doorstroom_model::preset("from_now").map(|p| p.label.get(lang)))
        .flatten();
    let change = first.map(|l| lever_in_words(l, s, lang));
    let head = match (lead, change) {
        (Some(lead), Some(change)) => format!("{lead}: {change}"),
        (Some(lead), None) => lead.to_owned(),
        (None, Some(change)) => change,
        (None, None) => return DEFAULT_SCENARIO.get(lang).to_owned(),
    };
    if more == 0 {
        head
    } else {
        format!("{head} + {more} {}", t("meer", "more").get(lang))
    }
}

/// "basislijn: …", as the page names its baseline (the heading shows the
/// name isolated, in a `<bdi>` of its own, after "basislijn: ").
#[cfg(test)]
pub fn baseline_line(title: &str, baseline: Option<&Scenario>, lang: Lang) -> String {
    format!("{}: {}", BASELINE.get(lang), name(title, baseline, lang))
}

/// "basislijn: Vanaf nu, MPP 2025 midden, Uw keuzes vanaf 2026-01-01":
/// the baseline of a run from a later day when none is pinned (the
/// `from_now` and `mpp2025_mid` presets from that day).
#[cfg(test)]
pub fn from_now_line(carry_on: &Scenario, lang: Lang) -> String {
    format!("{}: {}", BASELINE.get(lang), from_now_name(carry_on, lang))
}

/// The name of [`from_now_line`]'s baseline, without "basislijn: ".
pub fn from_now_name(carry_on: &Scenario, lang: Lang) -> String {
    let label = |key| doorstroom_model::preset(key).map_or("", |p| p.label.get(lang));
    let mut parts = vec![
        label("from_now").to_owned(),
        label("mpp2025_mid").to_owned(),
    ];
    parts.extend(doorstroom_model::lever("from").map(|l| lever_in_words(l, carry_on, lang)));
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(q: &str) -> Scenario {
        Scenario::from_query(q).0
    }

    #[test]
    fn a_baseline_is_named_by_its_title_or_its_levers() {
        let base = scenario("intake=77000&term=6");
        let intake = doorstroom_model::lever("intake").unwrap();
        let term = doorstroom_model::lever("term").unwrap();
        assert_eq!(
            baseline_line("", Some(&base), Lang::Nl),
            format!(
                "basislijn: {} {}, {} {}",
                intake.label.nl,
                intake.describe(&base, Lang::Nl),
                term.label.nl,
                term.describe(&base, Lang::Nl),
            )
        );
        assert!(baseline_line("", Some(&base), Lang::Nl).contains("77.000"));
        assert!(baseline_line("", Some(&base), Lang::En).contains("77,000"));
        assert_eq!(
            baseline_line(" Hoog ", Some(&base), Lang::Nl),
            "basislijn: Hoog"
        );
        assert_eq!(
            baseline_line("", None, Lang::En),
            "baseline: default scenario"
        );
    }

    #[test]
    fn a_short_name_is_the_title_or_the_first_change_and_a_count() {
        assert_eq!(
            short_name(" Hoog ", &scenario("intake=77000"), Lang::Nl),
            "Hoog"
        );
        let s = scenario("intake=60000&fte=700&term=6");
        let name = short_name("", &s, Lang::Nl);
        assert!(name.starts_with("Instroom 60.000"), "{name}");
        assert!(name.ends_with(" + 2 meer"), "{name}");
        assert!(short_name("", &s, Lang::En).ends_with(" + 2 more"));
        assert_eq!(
            short_name("", &Scenario::default(), Lang::En),
            "default scenario"
        );
        // A run from now is named against carrying on: its own switch
        // alone is "From now", a lever moved after it one change.
        let (on, _) = Scenario::from_query(&format!("{}&intake=53050", doorstroom_model::FROM_NOW));
        assert_eq!(short_name("", &on, Lang::En), "From now");
        let moved = Scenario { fte: 900.0, ..on };
        let name = short_name("", &moved, Lang::En);
        assert!(
            name.starts_with("From now: ") && !name.contains('+'),
            "{name}"
        );
    }

    #[test]
    fn changes_leave_out_the_horizon_and_follow_the_table() {
        let a = scenario("fte=600&intake=60000&until=2030-01-01");
        let keys: Vec<&str> = differing(&a, &Scenario::default()).map(|l| l.key).collect();
        assert_eq!(keys, ["intake", "fte"]);
        assert!(changes(&a, &a, Lang::Nl).is_empty());
    }

    #[test]
    fn a_later_from_is_measured_against_from_now_from_that_day() {
        use crate::state::{baseline_for, unpinned_baseline};
        let default = Scenario::default();
        assert_eq!(unpinned_baseline(default.from), default);
        let (on, _) = Scenario::from_query(&format!("{}&intake=53050", doorstroom_model::FROM_NOW));
        // The switch's own scenario is its baseline: no change to show.
        assert_eq!(baseline_for(None, &on), on);
        // A lever moved after `from` is a change against carrying on.
        let moved = Scenario {
            fte: 900.0,
            ..on.clone()
        };
        let keys: Vec<&str> = differing(&moved, &baseline_for(None, &moved))
            .map(|l| l.key)
            .collect();
        assert_eq!(keys, ["fte"]);
        // Another day: the baseline follows it.
        let (later, _) = Scenario::from_query("from=2027-03-01&until=2031-12-31");
        let base = baseline_for(None, &later);
        assert_eq!((base.from, base.end), (later.from, later.end));
        assert_eq!(
            from_now_line(&base, Lang::En),
            "baseline: From now, MPP 2025 middle, Your choices from 2027-03-01"
        );
        // A pinned baseline stays itself, over the scenario's horizon.
        let pinned = scenario("intake=77000");
        assert_eq!(baseline_for(Some(&pinned), &later).from, pinned.from);
    }
}
