//! The glossary: the terms of the asylum procedure that the page uses, each
//! explained in a sentence, in a section every use of a term links to
//! (`#term-<key>`). [`TERMS`] is the one list; [`terms_in`] finds them in a
//! text, so labels and help texts link their terms without markup of their
//! own.

use doorstroom_model::{Lang, Text};
use leptos::prelude::*;

use crate::state::use_store;

/// One term: how it is written in each language (the forms a text may use,
/// first the one shown) and what it means.
pub struct Term {
    pub key: &'static str,
    pub forms_nl: &'static [&'static str],
    pub forms_en: &'static [&'static str],
    pub meaning: Text,
}

impl Term {
    fn forms(&self, lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Nl => self.forms_nl,
            Lang::En => self.forms_en,
        }
    }

    pub fn name(&self, lang: Lang) -> &'static str {
        self.forms(lang)[0]
    }
}

/// Every term of the glossary, in its order. Sources: Vreemdelingenwet 2000
/// (art. 42, 43, 29 and 30), Algemene wet bestuursrecht (art. 4:17 and 8:55b),
/// the IND's own descriptions of its tracks and of the BAA.
pub const TERMS: [Term; 10] = [
    Term {
        key: "mpp",
        forms_nl: &["MPP"],
        forms_en: &["MPP"],
        meaning: Text {
            nl: "Meersporenbeleid: de IND verdeelt asielaanvragen over sporen, elk met een eigen procedure en beslistermijn.",
            en: "Multi-track policy: the IND sorts asylum applications into tracks, each with its own procedure and decision term.",
        },
    },
    Term {
        key: "spoor-1",
        forms_nl: &["spoor 1", "Spoor 1"],
        forms_en: &["track 1", "Track 1"],
        meaning: Text {
            nl: "Dublinzaken: een ander EU-land is verantwoordelijk voor de aanvraag (Dublinverordening).",
            en: "Dublin cases: another EU state is responsible for the application (Dublin regulation).",
        },
    },
    Term {
        key: "spoor-2",
        forms_nl: &["spoor 2", "Spoor 2"],
        forms_en: &["track 2", "Track 2"],
        meaning: Text {
            nl: "Aanvragers uit een veilig land van herkomst of met bescherming in een ander EU-land; een korte procedure.",
            en: "Applicants from a safe country of origin or with protection in another EU state; a short procedure.",
        },
    },
    Term {
        key: "spoor-4",
        forms_nl: &["spoor 4", "Spoor 4"],
        forms_en: &["track 4", "Track 4"],
        meaning: Text {
            nl: "De algemene asielprocedure (AA) en, als meer onderzoek nodig is, de verlengde (VA).",
            en: "The general asylum procedure (AA) and, when more inquiry is needed, the extended one (VA).",
        },
    },
    Term {
        key: "nareis",
        forms_nl: &["nareis", "Nareis"],
        forms_en: &["family reunification", "Family reunification"],
        meaning: Text {
            nl: "Gezinshereniging: het gezin van iemand met een asielvergunning vraagt om over te komen.",
            en: "Family reunification: the family of someone granted asylum applies to join them.",
        },
    },
    Term {
        key: "baa",
        forms_nl: &["BAA"],
        forms_en: &["BAA"],
        meaning: Text {
            nl: "Bureau Asiel Achterstanden: een tijdelijk team van de IND dat oude zaken wegwerkt, naast de gewone capaciteit.",
            en: "Bureau Asiel Achterstanden: a temporary IND team that clears old cases, beside the regular capacity.",
        },
    },
    Term {
        key: "bntb",
        forms_nl: &[
            "BNTB",
            "beroep niet tijdig beslissen",
            "Beroep niet tijdig beslissen",
        ],
        forms_en: &[
            "BNTB",
            "appeal for not deciding in time",
            "appeals for late decisions",
        ],
        meaning: Text {
            nl: "Beroep niet tijdig beslissen: na een ingebrekestelling kan de aanvrager de rechter vragen de IND een termijn op te leggen, met een dwangsom.",
            en: "Appeal for not deciding in time: after a notice of default the applicant can ask the court to set the IND a deadline, with a penalty.",
        },
    },
    Term {
        key: "dwangsom",
        forms_nl: &["dwangsom", "Dwangsom", "dwangsommen"],
        forms_en: &["penalty", "penalties", "Penalty"],
        meaning: Text {
            nl: "Een bedrag per dag te laat: van rechtswege na een ingebrekestelling (art. 4:17 Awb, voor asiel tijdelijk buiten werking) of opgelegd door de rechter (art. 8:55b Awb).",
            en: "A sum per day late: by law after a notice of default (art. 4:17 Awb, suspended for asylum for now) or set by the court (art. 8:55b Awb).",
        },
    },
    Term {
        key: "ingebrekestelling",
        forms_nl: &[
            "ingebrekestelling",
            "Ingebrekestelling",
            "ingebrekestellingen",
            "in gebreke gesteld",
        ],
        forms_en: &[
            "notice of default",
            "notices of default",
            "Notice of default",
        ],
        meaning: Text {
            nl: "Een brief van de aanvrager aan de IND dat de beslistermijn voorbij is; na twee weken kan beroep volgen.",
            en: "A letter from the applicant telling the IND that the decision term has passed; after two weeks an appeal can follow.",
        },
    },
    Term {
        key: "beslistermijn",
        forms_nl: &["beslistermijn", "Beslistermijn"],
        forms_en: &["decision term", "Decision term"],
        meaning: Text {
            nl: "De tijd die de IND wettelijk heeft om te beslissen: zes maanden, te verlengen tot vijftien of meer (art. 42 Vw).",
            en: "The time the IND has by law to decide: six months, extendable to fifteen or more (art. 42 Vw).",
        },
    },
];

/// A piece of a text: plain, or a term linking to its entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Plain(&'a str),
    Term(&'a str, &'static str),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `text` split into plain pieces and the glossary's terms in it (whole
/// words only, the longest form first; every occurrence links).
pub fn terms_in(text: &str, lang: Lang) -> Vec<Piece<'_>> {
    let mut forms: Vec<(&'static str, &'static str)> = TERMS
        .iter()
        .flat_map(|t| t.forms(lang).iter().map(move |f| (*f, t.key)))
        .collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < text.len() {
        let at_word_start = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let found = at_word_start
            .then(|| {
                forms.iter().find(|(f, _)| {
                    text[i..].starts_with(f)
                        && text[i + f.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !is_word_char(c))
                })
            })
            .flatten();
        if let Some((form, key)) = found {
            if plain_from < i {
                pieces.push(Piece::Plain(&text[plain_from..i]));
            }
            pieces.push(Piece::Term(&text[i..i + form.len()], key));
            i += form.len();
            plain_from = i;
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if plain_from < text.len() {
        pieces.push(Piece::Plain(&text[plain_from..]));
    }
    pieces
}

/// The glossary entry's meaning of `key` (for a link's title).
fn meaning(key: &str, lang: Lang) -> &'static str {
    TERMS
        .iter()
        .find(|t| t.key == key)
        .map_or("", |t| t.meaning.get(lang))
}

/// `text` with its terms as links to the glossary.
#[component]
pub fn Words(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let lang = use_store().lang();
    move || {
        let lang = lang.get();
        text.with(|text| {
            terms_in(text, lang)
                .into_iter()
                .map(|piece| match piece {
                    Piece::Plain(s) => s.to_owned().into_any(),
                    Piece::Term(s, key) => view! {
                        <a class="term" href=format!("#term-{key}") title=meaning(key, lang)>
                            {s.to_owned()}
                        </a>
                    }
                    .into_any(),
                })
                .collect_view()
        })
    }
}

const HEADING: Text = Text {
    nl: "Begrippen",
    en: "Glossary",
};

/// The glossary section.
#[component]
pub fn Glossary() -> impl IntoView {
    let lang = use_store().lang();
    view! {
        <section id="glossary" class="glossary" aria-labelledby="glossary-title">
            <h2 id="glossary-title">{move || HEADING.get(lang.get())}</h2>
            <dl>
                {TERMS
                    .iter()
                    .map(|term| {
                        view! {
                            <div class="glossary-entry">
                                <dt id=format!("term-{}", term.key) tabindex="-1">
                                    {move || term.name(lang.get())}
                                </dt>
                                <dd>{move || term.meaning.get(lang.get())}</dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_found_as_whole_words() {
        let pieces = terms_in("Instroom spoor 4 en nareis (MPP), geen spoor 40", Lang::Nl);
        assert_eq!(
            pieces,
            vec![
                Piece::Plain("Instroom "),
                Piece::Term("spoor 4", "spoor-4"),
                Piece::Plain(" en "),
                Piece::Term("nareis", "nareis"),
                Piece::Plain(" ("),
                Piece::Term("MPP", "mpp"),
                Piece::Plain("), geen spoor 40"),
            ]
        );
        assert_eq!(terms_in("", Lang::En), vec![]);
        assert_eq!(terms_in("Bijna", Lang::Nl), vec![Piece::Plain("Bijna")]);
    }

    #[test]
    fn every_term_is_named_in_both_languages_and_the_longest_form_wins() {
        for term in &TERMS {
            assert!(
                !term.forms_nl.is_empty() && !term.forms_en.is_empty(),
                "{}",
                term.key
            );
            assert!(!term.meaning.nl.is_empty() && !term.meaning.en.is_empty());
            for form in term.forms_nl {
                assert!(
                    matches!(terms_in(form, Lang::Nl)[..], [Piece::Term(_, k)] if k == term.key),
                    "{form}"
                );
            }
        }
        assert_eq!(
            terms_in("beroep niet tijdig beslissen", Lang::Nl),
            vec![Piece::Term("beroep niet tijdig beslissen", "bntb")]
        );
    }
}
