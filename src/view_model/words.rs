//! A scenario in words, once, for the heading, the comparison, the slides,
//! the exports and the handout: what a scenario changes against another,
//! the name it goes by on screen (its title, or else what it changes
//! against its world's defaults), so that a baseline is never just "the
//! baseline", and the caption that leaves the page with an export (the
//! same words, each lever with its default beside it).
//!
//! Every form is built from one phrase per lever, [`lever_in_words`]
//! ("Instroom 77.000 per jaar").

/// The levers whose values differ, horizon aside (the baseline is always
/// run over the scenario's own horizon): the model's rule, which "why
/// different?" splits the difference over too.
pub use doorstroom_model::differing;
use doorstroom_model::{Lang, Lever, Scenario, Text, World, t};

pub const DEFAULT_SCENARIO: Text = t("standaardscenario", "default scenario");
pub const BASELINE: Text = t("basislijn", "baseline");
pub const NO_CHANGES: Text = t("geen wijzigingen", "no changes");
/// Before a lever's default, after its value in a caption.
const DEFAULT: Text = t("standaard", "default");

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

/// The levers of `s` that differ from the defaults of its world (today's
/// outlook, or the letter's), each with its default: "Instroom 60.000 per
/// jaar (standaard 70.000 per jaar)". The horizon counts here, unlike on
/// screen: an exported picture or file must say what it covers on its own.
pub fn levers_that_differ(s: &Scenario, lang: Lang) -> Vec<String> {
    let default = s.world_defaults();
    doorstroom_model::LEVERS
        .iter()
        .filter(|l| !l.same(s, &default))
        .map(|l| {
            format!(
                "{} ({} {})",
                lever_in_words(l, s, lang),
                DEFAULT.get(lang),
                l.describe(&default, lang)
            )
        })
        .collect()
}

/// What an exported image, file or handout says the scenario titled
/// `title` is: its title, else the levers that differ from its world's
/// defaults with their defaults ([`levers_that_differ`]), else its world's
/// name and that nothing changed.
pub fn caption(title: &str, s: &Scenario, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let differ = levers_that_differ(s, lang);
    if differ.is_empty() {
        format!("{} ({})", world_name(s, lang), NO_CHANGES.get(lang))
    } else {
        differ.join("; ")
    }
}

/// The name of a scenario on screen: its title, else what it changes
/// against the defaults of its world ("Instroom 77.000 per jaar,
/// Beslistermijn 6 maanden"), else the world's name ("Vooruitzicht van
/// vandaag", "De brief van april 2023").
pub fn name(title: &str, s: Option<&Scenario>, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let Some(s) = s else {
        return DEFAULT_SCENARIO.get(lang).to_owned();
    };
    let words = changes(s, &s.world_defaults(), lang);
    if words.is_empty() {
        world_name(s, lang)
    } else {
        words.join(", ")
    }
}

/// The name of the world `s` stands in: the name of its defaults, and of
/// the page's own baseline when none is pinned.
pub fn world_name(s: &Scenario, lang: Lang) -> String {
    s.world().name().get(lang).to_owned()
}

/// The short name of a scenario, for a slide's title and a chart's legend:
/// its title; else its most important change against its world's defaults
/// and how many more there are ("Instroom 60.000 per jaar + 3 meer"), led
/// by the world's name in the letter's world, which is not the page's
/// default ("De brief van april 2023: Instroom 60.000 per jaar"); else the
/// world's name. The levers' table lists the headline levers first and the
/// rest by weight, so the first change is the most important.
pub fn short_name(title: &str, s: &Scenario, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let base = s.world_defaults();
    let mut changed = differing(s, &base);
    let first = changed.next();
    let more = changed.count();
    let lead = (s.world() == World::Letter).then(|| world_name(s, lang));
    let change = first.map(|l| lever_in_words(l, s, lang));
    let head = match (lead, change) {
        (Some(lead), Some(change)) => format!("{lead}: {change}"),
        (_, Some(change)) => change,
        (_, None) => return world_name(s, lang),
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
            short_name(" Hoog ", &scenario("v=2&intake=77000"), Lang::Nl),
            "Hoog"
        );
        let s = scenario("v=2&intake=60000&fte=700&baa=1000");
        let name = short_name("", &s, Lang::Nl);
        assert!(name.starts_with("Instroom 60.000"), "{name}");
        assert!(name.ends_with(" + 2 meer"), "{name}");
        assert!(short_name("", &s, Lang::En).ends_with(" + 2 more"));
        assert_eq!(
            short_name("", &Scenario::outlook(), Lang::En),
            "Today's outlook"
        );
        // The letter's world is named as such, its changes against it.
        assert_eq!(
            short_name("", &Scenario::default(), Lang::En),
            "The letter of April 2023"
        );
        let letter = scenario("v=1&intake=77000");
        let name = short_name("", &letter, Lang::En);
        assert!(
            name.starts_with("The letter of April 2023: Intake") && !name.contains('+'),
            "{name}"
        );
    }

    #[test]
    fn a_caption_is_the_title_or_the_levers_with_their_defaults() {
        assert_eq!(
            caption("", &Scenario::outlook(), Lang::En),
            "Today's outlook (no changes)"
        );
        assert_eq!(
            caption("", &Scenario::default(), Lang::En),
            "The letter of April 2023 (no changes)"
        );
        let s = scenario("intake=60000");
        let intake = doorstroom_model::lever("intake").unwrap();
        // The name's words, with the default after them.
        assert_eq!(
            caption(" ", &s, Lang::Nl),
            format!(
                "{} (standaard {})",
                lever_in_words(intake, &s, Lang::Nl),
                intake.describe(&Scenario::default(), Lang::Nl)
            )
        );
        assert!(caption("", &s, Lang::Nl).starts_with(&name("", Some(&s), Lang::Nl)));
        assert_eq!(
            caption(" Minder instroom ", &s, Lang::Nl),
            "Minder instroom"
        );
        // The horizon is said in a caption, not in a name.
        let later = scenario("intake=60000&until=2030-12-31");
        assert_eq!(levers_that_differ(&later, Lang::Nl).len(), 2);
        assert_eq!(
            name("", Some(&later), Lang::Nl),
            name("", Some(&s), Lang::Nl)
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
    fn the_unpinned_baseline_is_the_world_s_defaults() {
        use crate::state::{baseline_for, unpinned_baseline};
        let letter = Scenario::default();
        assert_eq!(unpinned_baseline(letter.from), letter);
        let outlook = Scenario::outlook();
        assert_eq!(unpinned_baseline(outlook.from), outlook);
        // Today's outlook is its own baseline: no change to show.
        assert_eq!(baseline_for(None, &outlook), outlook);
        // A lever moved is a change against it.
        let moved = Scenario {
            fte: 900.0,
            ..outlook.clone()
        };
        let keys: Vec<&str> = differing(&moved, &baseline_for(None, &moved))
            .map(|l| l.key)
            .collect();
        assert_eq!(keys, ["fte"]);
        // Another day for the levers: still today's outlook's world.
        let later = scenario("v=2&from=2027-03-01&until=2031-12-31");
        let base = baseline_for(None, &later);
        assert_eq!((base.from, base.end), (outlook.from, later.end));
        assert_eq!(
            baseline_line("", Some(&base), Lang::En),
            "baseline: Today's outlook"
        );
        // A pinned baseline stays itself, over the scenario's horizon.
        let pinned = scenario("intake=77000");
        assert_eq!(baseline_for(Some(&pinned), &later).from, pinned.from);
    }
}
