//! Comparing scenarios: the pinned scenarios, each with its editable title,
//! the style its lines have on the charts and a button that unpins it; and
//! the comparison, every headline figure and every lever that differs, side
//! by side, with the differences against the baseline.

use doorstroom_address::MAX_TITLE;
use doorstroom_charts::overlay::{self, Marker};
use doorstroom_model::{Lang, Scenario, Summary, Text, t};
use leptos::prelude::*;

use crate::format::formats;
use crate::i18n;
use crate::platform::timing::{self, Part};
use crate::state::{baseline_for, unpinned_baseline, use_store};
use crate::view::kpis::{Context, FIGURES};
use crate::view::presentation::use_presentation;
use crate::view_model::changes::Direction;
use crate::view_model::words::{self, differing, name};

const PINNED: Text = t("Vastgezette scenario's", "Pinned scenarios");
const TITLE_LABEL: Text = t("Titel", "Title");
const BASELINE_LINES: Text = t("grijs gestreept", "grey, dashed");
const UNPIN_BASELINE: Text = t("basislijn losmaken", "unpin baseline");
const UNPIN: Text = t("losmaken", "unpin");
const COMPARISON: Text = t("Vergelijking", "Comparison");
const THIS_SCENARIO: Text = t("dit scenario", "this scenario");
const FIGURE: Text = t("Kerncijfer", "Headline figure");
const LEVER: Text = t("Hefboom", "Lever");
const SAME: Text = t("gelijk", "same");
const NO_LEVERS_DIFFER: Text = t(
    "Alle hefbomen zijn gelijk aan de basislijn.",
    "Every lever is the same as in the baseline.",
);

/// How a compared scenario's lines look, in words (for the legend beside
/// its title and for screen readers).
fn style_words(i: usize, lang: Lang) -> &'static str {
    match overlay::style(i).marker {
        Marker::Circle => t("paars, lange streep, rondjes", "purple, long dash, circles"),
        Marker::Triangle => t(
            "violet, korte streep, driehoekjes",
            "violet, short dash, triangles",
        ),
        Marker::Square => t("bruin, gestippeld, vierkantjes", "brown, dotted, squares"),
    }
    .get(lang)
}

/// A small picture of a compared scenario's line: its dash and marker.
fn style_sample(i: Option<usize>) -> impl IntoView {
    let (color, dash, marker) = match i {
        Some(i) => {
            let s = overlay::style(i);
            let c = s.color;
            (
                format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2),
                format!("{} {}", s.dash.0, s.dash.1),
                Some(s.marker),
            )
        }
        None => ("#6E6E6E".to_owned(), "7 4".to_owned(), None),
    };
    let mark = match marker {
        Some(Marker::Circle) => {
            view! { <circle cx="18" cy="8" r="4.5" fill=color.clone() /> }.into_any()
        }
        Some(Marker::Triangle) => {
            view! { <polygon points="18,2.5 23.5,13 12.5,13" fill=color.clone() /> }.into_any()
        }
        Some(Marker::Square) => {
            view! { <rect x="13.5" y="3.5" width="9" height="9" fill=color.clone() /> }.into_any()
        }
        None => ().into_any(),
    };
    view! {
        <svg class="style-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
            <line x1="0" y1="8" x2="36" y2="8" stroke=color.clone() stroke-width="2.5" stroke-dasharray=dash />
            {mark}
        </svg>
    }
}

/// The page's own baseline for `scenario` in words: the name of its
/// world's defaults.
pub fn own_baseline_name(scenario: &Scenario, lang: Lang) -> String {
    words::world_name(&unpinned_baseline(scenario.from), lang)
}

/// The pinned scenarios, baseline first, each with its title field.
#[component]
pub fn PinnedList() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let rows = move || {
        let lang = lang.get();
        let mut rows = Vec::new();
        if let Some(base) = store.pinned().get() {
            rows.push((0usize, store.baseline_title().get(), base));
        }
        for (i, c) in store.compared().get().into_iter().enumerate() {
            rows.push((i + 1, c.title, c.scenario));
        }
        rows.into_iter()
            .map(|(i, title, scenario)| {
                let words = name("", Some(&scenario), lang);
                let shown = name(&title, Some(&scenario), lang);
                let (role, unpin, lines) = if i == 0 {
                    (
                        words::BASELINE.get(lang).to_owned(),
                        UNPIN_BASELINE.get(lang).to_owned(),
                        BASELINE_LINES.get(lang),
                    )
                } else {
                    (
                        format!("{} {}", t("vergelijking", "compared").get(lang), i),
                        format!("‘{shown}’ {}", UNPIN.get(lang)),
                        style_words(i - 1, lang),
                    )
                };
                let unpin_text = if i == 0 {
                    unpin.clone()
                } else {
                    match lang {
                        Lang::Nl => format!("‘{shown}’ losmaken"),
                        Lang::En => format!("unpin ‘{shown}’"),
                    }
                };
                view! {
                    <li class="pinned" data-testid=format!("pinned-{i}")>
                        <span class="pinned-role">
                            {style_sample(i.checked_sub(1))}
                            <span>{role}</span>
                            <span class="visually-hidden">{format!(" ({lines})")}</span>
                        </span>
                        <label class="pinned-title">
                            <span class="visually-hidden">{TITLE_LABEL.get(lang)}</span>
                            <input
                                type="text"
                                maxlength=MAX_TITLE
                                data-testid=format!("pin-title-{i}")
                                prop:value=title
                                placeholder=words.clone()
                                on:change=move |ev| store.rename_pinned(i, &event_target_value(&ev))
                            />
                        </label>
                        <span class="pinned-words" data-testid=format!("pinned-name-{i}")>
                            {shown}
                        </span>
                        <button
                            type="button"
                            class="small-button"
                            data-testid=format!("unpin-{i}")
                            on:click=move |_| {
                                if i == 0 { store.unpin() } else { store.unpin_compared(i - 1) }
                            }
                        >
                            {unpin_text}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // The baseline, chosen: the page's own, or one of the pinned scenarios.
    let choice = move || {
        let lang = lang.get();
        let scenario = store.settled().get();
        let own = own_baseline_name(&scenario, lang);
        let chosen = store.pinned().with(Option::is_some);
        let mut options = vec![("own".to_owned(), own, !chosen)];
        if let Some(base) = store.pinned().get() {
            options.push((
                "pinned".to_owned(),
                name(&store.baseline_title().get(), Some(&base), lang),
                true,
            ));
        }
        for (i, c) in store.compared().get().into_iter().enumerate() {
            options.push((
                format!("{i}"),
                name(&c.title, Some(&c.scenario), lang),
                false,
            ));
        }
        options
            .into_iter()
            .map(|(value, label, selected)| {
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <Show when=move || { store.pinned().with(Option::is_some) || store.compared().with(|c| !c.is_empty()) }>
            <section class="pinned-list" aria-labelledby="pinned-title">
                <h2 id="pinned-title" class="section-title">{move || PINNED.get(lang.get())}</h2>
                <label class="baseline-choice">
                    <span>{move || i18n::BASELINE_CHOICE.get(lang.get())}</span>
                    <select
                        data-testid="baseline-choice"
                        on:change=move |ev| {
                            match event_target_value(&ev).as_str() {
                                "own" => store.choose_baseline(None),
                                "pinned" => {}
                                i => {
                                    if let Ok(i) = i.parse() {
                                        store.choose_baseline(Some(i))
                                    }
                                }
                            }
                        }
                    >
                        {choice}
                    </select>
                </label>
                <ul>{rows}</ul>
            </section>
        </Show>
    }
}

/// One column of the comparison.
struct Column {
    heading: String,
    scenario: Scenario,
    summary: Summary,
    is_baseline: bool,
}

/// One cell of the comparison: the value, and the change against the
/// baseline (none in the baseline's own column).
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    value: String,
    change: Option<String>,
    /// A lever's cell whose value differs from the baseline's.
    differs: bool,
}

/// A row of the comparison: its test id, its label and a cell per column.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    testid: String,
    label: String,
    cells: Vec<Cell>,
}

/// The comparison's text: the column headings, a row per headline figure
/// and a row per lever that differs in any column.
#[derive(Clone, Debug, PartialEq)]
struct Table {
    head: Vec<String>,
    figures: Vec<Row>,
    levers: Vec<Row>,
}

/// Where each row and column is: the table without its cells' text. A drag
/// changes the cells of one column; the shape only when a lever starts or
/// stops differing, so only then is the table built anew.
#[derive(Clone, Debug, PartialEq)]
struct Shape {
    head: Vec<String>,
    figures: Vec<(String, String)>,
    levers: Vec<(String, String)>,
}

/// Where a cell is in the table.
#[derive(Clone, Copy)]
struct Place {
    levers: bool,
    row: usize,
    column: usize,
}

impl Place {
    /// `f` of the cell here, if the table has one here.
    fn read<T>(self, table: Memo<Option<Table>>, f: impl Fn(&Cell) -> T) -> Option<T> {
        table.with(|t| {
            let rows = t
                .as_ref()
                .map(|t| if self.levers { &t.levers } else { &t.figures })?;
            rows.get(self.row)?.cells.get(self.column).map(f)
        })
    }
}

impl Table {
    fn shape(&self) -> Shape {
        let rows = |rows: &[Row]| {
            rows.iter()
                .map(|r| (r.testid.clone(), r.label.clone()))
                .collect()
        };
        Shape {
            head: self.head.clone(),
            figures: rows(&self.figures),
            levers: rows(&self.levers),
        }
    }
}

/// A scenario of an opened briefing's deck, with its figures.
#[derive(Clone, Debug, PartialEq)]
struct DeckScenario {
    title: String,
    scenario: Scenario,
    summary: Summary,
}

/// The comparison's columns, in order: this scenario, the baseline, the
/// other pinned scenarios, then the rest of an opened briefing's deck in
/// its order (up to twelve in all: the charts draw the baseline and three
/// pinned scenarios at most, the comparison every scenario of the deck).
fn columns(store: crate::state::Store, lang: Lang, deck: &[DeckScenario]) -> Vec<Column> {
    // The comparison is read at rest: it follows the settled scenario, and
    // then the runs and summaries are of it.
    let scenario = store.settled().get();
    let end = scenario.end;
    let pinned = store.pinned().get();
    let base = baseline_for(pinned.as_ref(), &scenario);
    let compared = store.compared().get();
    // The scenario on screen equal to a pinned one is shown once, in its
    // own column, under the pinned one's title if it has none.
    let twin = compared.iter().position(|c| c.scenario == scenario);
    let mut columns = vec![
        Column {
            heading: {
                let title = store.title().get();
                let twin_title = twin.map(|i| compared[i].title.clone()).unwrap_or_default();
                if !title.is_empty() {
                    title
                } else if !twin_title.is_empty() {
                    twin_title
                } else {
                    THIS_SCENARIO.get(lang).to_owned()
                }
            },
            scenario: scenario.clone(),
            summary: store.summary.get_untracked(),
            is_baseline: false,
        },
        Column {
            heading: format!(
                "{}: {}",
                words::BASELINE.get(lang),
                match &pinned {
                    Some(p) => name(&store.baseline_title().get(), Some(p), lang),
                    None => own_baseline_name(&scenario, lang),
                }
            ),
            scenario: base,
            summary: store.baseline_summary.get_untracked(),
            is_baseline: true,
        },
    ];
    let summaries = store.compared_summaries.get();
    for (i, (c, summary)) in compared.into_iter().zip(summaries).enumerate() {
        if Some(i) == twin {
            continue;
        }
        columns.push(Column {
            heading: name(&c.title, Some(&c.scenario), lang),
            scenario: Scenario { end, ..c.scenario },
            summary,
            is_baseline: false,
        });
    }
    for d in deck {
        // Each scenario once: the deck's scenario on screen, its baseline
        // and its pinned ones have their columns already.
        if columns.iter().any(|c| c.scenario == d.scenario) {
            continue;
        }
        columns.push(Column {
            heading: name(&d.title, Some(&d.scenario), lang),
            scenario: d.scenario.clone(),
            summary: d.summary.clone(),
            is_baseline: false,
        });
    }
    columns
}

/// The comparison's text for `columns` (the baseline second).
fn table(columns: &[Column], lang: Lang) -> Table {
    let f = formats(lang);
    let base_summary = &columns[1].summary;
    let scenario = &columns[0].scenario;
    let end = scenario.end;
    // The rows count as the cards do: from the on-screen scenario's `from`.
    let from_start = scenario.join_week() == 0;
    let first_day = scenario.counts_from();
    let figures = FIGURES
        .iter()
        .map(|slot| slot.for_run(from_start))
        .map(|spec| Row {
            testid: format!("cmp-{}", spec.testid),
            label: spec.label.get(lang).to_owned(),
            cells: columns
                .iter()
                .map(|c| {
                    let fig = (spec.figure)(&Context {
                        now: &c.summary,
                        base: base_summary,
                        f: &*f,
                        end,
                        // Only the cards' notes use it, and the comparison
                        // shows no notes.
                        letter_scope: f64::NAN,
                        from_start,
                        first_day,
                    });
                    let change = (!c.is_baseline).then(|| {
                        if fig.change.direction == Direction::Same {
                            SAME.get(lang).to_owned()
                        } else {
                            fig.change.text()
                        }
                    });
                    Cell {
                        value: fig.value,
                        change,
                        differs: false,
                    }
                })
                .collect(),
        })
        .collect();
    let baseline_scenario = &columns[1].scenario;
    let levers = doorstroom_model::levers()
        .iter()
        .filter(|l| {
            columns
                .iter()
                .any(|c| differing(&c.scenario, baseline_scenario).any(|d| d.key == l.key))
        })
        .map(|l| Row {
            testid: format!("cmp-lever-{}", l.key),
            label: l.label.get(lang).to_owned(),
            cells: columns
                .iter()
                .map(|c| {
                    let differs = !c.is_baseline && !l.same(&c.scenario, baseline_scenario);
                    Cell {
                        value: l.describe(&c.scenario, lang),
                        change: (!c.is_baseline && !differs).then(|| SAME.get(lang).to_owned()),
                        differs,
                    }
                })
                .collect(),
        })
        .collect();
    Table {
        head: columns.iter().map(|c| c.heading.clone()).collect(),
        figures,
        levers,
    }
}

/// The comparison: a table with a column per scenario (this one, the
/// baseline, the others pinned, the rest of an opened briefing) and a row
/// per headline figure and per lever that differs in any of them.
#[component]
pub fn Comparison() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    let presentation = use_presentation();
    // An opened briefing's scenarios, run over the horizon on screen: once
    // when it is opened (or the horizon changes), not on every step.
    let end = store.end_day();
    let deck = Memo::new(move |_| {
        let end = end.get();
        let Some(loaded) = presentation.and_then(|p| p.loaded.get()) else {
            return Vec::new();
        };
        loaded
            .into_iter()
            .map(|slide| {
                let scenario = Scenario {
                    end,
                    ..slide.scenario
                };
                let summary = timing::measure(Part::Model, || scenario.run().summary());
                DeckScenario {
                    title: slide.title,
                    scenario,
                    summary,
                }
            })
            .collect::<Vec<_>>()
    });
    let table = Memo::new(move |_| {
        crate::platform::reruns::rerun(crate::platform::reruns::Node::Rest);
        if store.pinned_count() == 0 {
            return None;
        }
        let lang = lang.get();
        let columns = deck.with(|deck| columns(store, lang, deck));
        Some(timing::measure(Part::Comparison, || table(&columns, lang)))
    });
    let shape = Memo::new(move |_| table.with(|t| t.as_ref().map(Table::shape)));
    // A cell reads its own text from the table, so a drag rewrites texts
    // rather than building the table again.
    let cell = move |levers: bool, row: usize, column: usize| {
        let at = Place {
            levers,
            row,
            column,
        };
        let value = move || at.read(table, |c| c.value.clone());
        let change = move || at.read(table, |c| c.change.clone()).flatten();
        let differs = move || at.read(table, |c| c.differs).unwrap_or(false);
        view! {
            <td class:differs=differs>
                <span class="cmp-value">{value}</span>
                <span class="cmp-change" hidden=move || change().is_none()>{change}</span>
            </td>
        }
    };
    let rows = move |levers: bool, rows: Vec<(String, String)>, columns: usize| {
        rows.into_iter()
            .enumerate()
            .map(|(r, (testid, label))| {
                let cells = (0..columns).map(|c| cell(levers, r, c)).collect_view();
                view! {
                    <tr data-testid=testid>
                        <th scope="row">{label}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view()
    };
    let body = move || {
        let shape = shape.get()?;
        let lang = lang.get_untracked();
        let columns = shape.head.len();
        let head = shape
            .head
            .into_iter()
            .map(|h| view! { <th scope="col">{h}</th> })
            .collect_view();
        let no_levers = shape.levers.is_empty().then(|| {
            view! { <p class="cmp-none">{NO_LEVERS_DIFFER.get(lang)}</p> }
        });
        Some(view! {
            <div class="comparison-scroll">
                <table class="comparison-table">
                    <thead>
                        <tr>
                            <th scope="col">{FIGURE.get(lang)}</th>
                            {head}
                        </tr>
                    </thead>
                    <tbody>{rows(false, shape.figures, columns)}</tbody>
                    <tbody class="cmp-levers">
                        <tr>
                            <th scope="rowgroup" colspan=columns + 1>{LEVER.get(lang)}</th>
                        </tr>
                        {rows(true, shape.levers, columns)}
                    </tbody>
                </table>
            </div>
            {no_levers}
        })
    };
    view! {
        <Show when=move || { store.pinned_count() > 0 }>
            <section class="comparison" data-testid="comparison" aria-labelledby="comparison-title">
                <h2 id="comparison-title" class="section-title">
                    {move || COMPARISON.get(lang.get())}
                </h2>
                {body}
            </section>
        </Show>
    }
}
