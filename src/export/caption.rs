//! The one source of a scenario's caption: what an exported image, file or
//! handout says the scenario is. The scenario's title, when it has one, is
//! the caption; without one, it is the levers that differ from the default,
//! in words.

use doorstroom_model::{LEVERS, Lang, Scenario, Text};

/// After the name of the scenario's world, when no lever differs from it.
const UNCHANGED: Text = Text {
    nl: "geen knoppen gewijzigd",
    en: "no levers changed",
};

/// The levers of `scenario` that differ from the defaults of its world
/// (today's outlook, or the letter's), each as "label: value (standaard:
/// value)".
pub fn levers_that_differ(scenario: &Scenario, lang: Lang) -> Vec<String> {
    let default = scenario.world_defaults();
    let was = Text {
        nl: "standaard",
        en: "default",
    };
    LEVERS
        .iter()
        .filter(|l| !l.same(scenario, &default))
        .map(|l| {
            format!(
                "{}: {} ({} {})",
                l.label.get(lang),
                l.describe(scenario, lang),
                was.get(lang),
                l.describe(&default, lang)
            )
        })
        .collect()
}

/// The caption in `lang` of `scenario` titled `title` (see the module's doc).
pub fn scenario_caption(title: &str, scenario: &Scenario, lang: Lang) -> String {
    if !title.trim().is_empty() {
        return title.trim().to_owned();
    }
    let differ = levers_that_differ(scenario, lang);
    if differ.is_empty() {
        let world = scenario.world().name().get(lang);
        format!("{world} ({})", UNCHANGED.get(lang))
    } else {
        differ.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_says_so_and_a_change_names_its_lever() {
        assert_eq!(
            scenario_caption("", &Scenario::outlook(), Lang::En),
            "Today's outlook (no levers changed)"
        );
        assert_eq!(
            scenario_caption("", &Scenario::default(), Lang::En),
            "The letter of April 2023 (no levers changed)"
        );
        let (s, _) = Scenario::from_query("intake=60000");
        let caption = scenario_caption(" ", &s, Lang::Nl);
        assert!(caption.contains("60.000"), "{caption}");
        assert!(caption.contains("(standaard "), "{caption}");
        assert_eq!(levers_that_differ(&s, Lang::Nl).len(), 1);
    }

    #[test]
    fn a_title_is_the_caption() {
        let (s, _) = Scenario::from_query("intake=60000");
        assert_eq!(
            scenario_caption(" Minder instroom ", &s, Lang::Nl),
            "Minder instroom"
        );
    }
}
