//! The headline figures: six large numbers, each with its change against the
//! baseline. The figure itself sits alone in its element (the test hooks
//! read it); the label and the change are siblings.
//!
//! The change is said once in words, its size and its way ("€ 23,6 mln.
//! lager"), with an arrow and a colour beside it, so that colour is never
//! the only sign (see `format::change`).

use doorstroom_model::{Date, Lang, Summary, record};
use leptos::prelude::*;

use crate::components::glossary::Words;
use crate::delta::{self, Direction, Good, MonthShift, Tone};
use crate::format::{Formats, change, formats};
use crate::i18n;
use crate::state::use_store;
use doorstroom_model::Text;

/// The penalties through 2024 the letter to Parliament expected ("circa 55
/// miljoen euro", asylum penalties, the BAA left out), shown beside the
/// model's figure for the same scope: the scenario's asylum penalties
/// through 2024 without the BAA.
const LETTER_PENALTIES_2024_EUR: f64 = 55_000_000.0;

/// Figures longer than this (a phrase rather than a number) are set smaller,
/// so that they fit their card without being cut off.
const LONG_FIGURE: usize = 13;

/// A change against the baseline, ready to show.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Change {
    /// The signed amount, or a phrase when there is no amount.
    pub amount: String,
    pub direction: Direction,
    pub tone: Tone,
    /// "higher", "earlier", …
    pub word: &'static str,
}

impl Change {
    fn same(lang: Lang) -> Self {
        Change {
            amount: String::new(),
            direction: Direction::Same,
            tone: Tone::Neutral,
            word: i18n::NO_CHANGE.get(lang),
        }
    }
}

/// A change in a number: `amount` formats the signed difference.
fn number_change(
    current: f64,
    baseline: f64,
    resolution: f64,
    good: Good,
    amount: impl Fn(f64) -> String,
    lang: Lang,
) -> Change {
    let direction = delta::direction(current, baseline, resolution);
    if direction == Direction::Same {
        return Change::same(lang);
    }
    Change {
        // The size only: the word says which way (see `format::change`).
        amount: change::size(current - baseline, amount),
        direction,
        tone: delta::tone(direction, good),
        word: change::word(direction, lang),
    }
}

fn month_change(current: Option<Date>, baseline: Option<Date>, f: &Formats, lang: Lang) -> Change {
    let shift = delta::month_shift(current, baseline);
    let (amount, word) = match shift {
        MonthShift::Months(0) | MonthShift::Neither => return Change::same(lang),
        MonthShift::Months(m) => {
            let unit = if m.abs() == 1 {
                i18n::MONTH
            } else {
                i18n::MONTHS
            };
            let word = if m > 0 { i18n::LATER } else { i18n::EARLIER };
            (
                format!("{} {}", f.whole(f64::from(m.abs())), unit.get(lang)),
                word.get(lang),
            )
        }
        MonthShift::NowWithin => (String::new(), i18n::NOW_WITHIN.get(lang)),
        MonthShift::NowNever => (String::new(), i18n::NOW_NEVER.get(lang)),
    };
    Change {
        amount,
        direction: shift.direction(),
        tone: shift.tone(),
        word,
    }
}

/// A day in few letters: "31 dec. 2026" / "31 Dec 2026".
fn short_day(f: &Formats, d: &Date) -> String {
    format!("{} {}", d.day(), f.month_short(d))
}

/// One headline figure's texts, computed from the two summaries.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Figure {
    pub value: String,
    pub note: String,
    /// The note in a few words, keeping its date and scope: what the
    /// narrow cards of the projector layout show.
    pub short_note: String,
    pub change: Change,
}

pub(crate) struct Context<'a> {
    pub now: &'a Summary,
    pub base: &'a Summary,
    pub f: &'a Formats,
    pub lang: Lang,
    pub end: Date,
    /// The scenario's asylum penalties through 2024 without the BAA.
    pub letter_scope: f64,
    /// Whether the levers apply from the letter's start (`from=` not set
    /// later): only then does the letter's forecast compare.
    pub from_start: bool,
    /// The first day of the first week in which the levers apply.
    pub first_day: Date,
}

/// One headline figure: its test hook, its label, how its texts are
/// computed from the two summaries, and the key and notation of its
/// distribution over the uncertainty bands' runs.
pub(crate) struct FigureSpec {
    pub testid: &'static str,
    pub label: Text,
    pub figure: fn(&Context) -> Figure,
    pub band: (&'static str, BandText),
    /// The figure shown instead in a run whose levers apply from a later
    /// day, if this one only means something from the letter's start.
    pub from_later: Option<&'static FigureSpec>,
}

impl FigureSpec {
    /// The figure to show for a run whose levers apply from its start
    /// (`from_start`) or from a later day.
    pub fn for_run(&'static self, from_start: bool) -> &'static FigureSpec {
        match self.from_later {
            Some(later) if !from_start => later,
            _ => self,
        }
    }
}

/// The first year of the reader's choices, in place of the letter's
/// horizon (through 2024) in a run from a later day.
const COST_FIRST_YEAR: FigureSpec = FigureSpec {
    testid: "kpi-cost-first-year",
    label: i18n::KPI_COST_FIRST_YEAR,
    figure: cost_first_year,
    band: ("cost_first_year_eur", band_euro),
    from_later: None,
};

/// Writes a value of a figure's distribution: the formats, the value, the
/// run's start and end (for dates) and the language.
type BandText = fn(&Formats, f64, (Date, Date), Lang) -> String;

fn band_whole(f: &Formats, x: f64, _: (Date, Date), _: Lang) -> String {
    f.whole(x)
}

fn band_euro(f: &Formats, x: f64, _: (Date, Date), _: Lang) -> String {
    f.euro_compact(x)
}

fn band_percent(f: &Formats, x: f64, _: (Date, Date), _: Lang) -> String {
    f.percent(x)
}

/// A month figure: days after the run's start; "never" (+∞, cases past
/// term at the end) as the card itself says it: "not before" the month
/// after the horizon.
fn band_month(f: &Formats, x: f64, (start, end): (Date, Date), lang: Lang) -> String {
    if x.is_finite() {
        f.month_long(&start.add_days(x as i64))
    } else {
        format!(
            "{} {}",
            i18n::NOT_BEFORE.get(lang),
            f.month_short(&end.add_days(1))
        )
    }
}

/// What a card says of its figure's distribution over the bands' runs,
/// labelled apart from the figure itself (the central run).
#[derive(Clone, Debug, PartialEq)]
struct BandLine {
    /// "P10–P90: a – b".
    range: String,
    /// "mediaan van de doorrekeningen: m".
    median: String,
    /// "in 62% van de doorrekeningen niet vóór jan 2027", when some runs
    /// never get back within term.
    never: Option<String>,
}

/// The headline figures, in the page's order.
pub(crate) const FIGURES: [FigureSpec; 6] = [
    FigureSpec {
        testid: "kpi-backlog-end",
        label: i18n::KPI_BACKLOG_END,
        figure: backlog_end,
        band: ("backlog_end", band_whole),
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-backlog-peak",
        label: i18n::KPI_BACKLOG_PEAK,
        figure: backlog_peak,
        band: ("backlog_peak", band_whole),
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-cost-total",
        label: i18n::KPI_COST_TOTAL,
        figure: cost_total,
        band: ("cost_total_eur", band_euro),
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-cost-2024",
        label: i18n::KPI_COST_2024,
        figure: cost_2024,
        band: ("cost_through_2024_eur", band_euro),
        from_later: Some(&COST_FIRST_YEAR),
    },
    FigureSpec {
        testid: "kpi-in-term",
        label: i18n::KPI_IN_TERM,
        figure: in_term,
        band: ("share_decided_in_term", band_percent),
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-back-in-term",
        label: i18n::KPI_BACK_IN_TERM,
        figure: back_in_term,
        band: ("back_in_term_from", band_month),
        from_later: None,
    },
];

/// Money shows in tenths of a million: smaller changes are not shown.
const MONEY_RESOLUTION: f64 = 50_000.0;

fn backlog_end(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.whole(now.backlog_end),
        note: format!(
            "{} {} {}",
            i18n::CASES_ALL_STREAMS.get(lang),
            i18n::AT.get(lang),
            f.day(&c.end)
        ),
        short_note: format!("{}, {}", i18n::ALL_STREAMS.get(lang), short_day(f, &c.end)),
        change: number_change(
            now.backlog_end,
            base.backlog_end,
            0.5,
            Good::Lower,
            |v| f.whole(v),
            lang,
        ),
    }
}

fn backlog_peak(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.whole(now.backlog_peak),
        // A peak equal to the end is no peak within the horizon: the
        // backlog is still growing, which is worth saying instead of
        // repeating the figure beside it.
        note: if now.backlog_peak - now.backlog_end < 0.5 {
            i18n::STILL_RISING.get(lang).to_owned()
        } else {
            format!(
                "{} {} {}",
                i18n::CASES_ALL_STREAMS.get(lang),
                i18n::IN.get(lang),
                f.month_long(&now.backlog_peak_week)
            )
        },
        short_note: if now.backlog_peak - now.backlog_end < 0.5 {
            format!(
                "{} {}",
                i18n::STILL_RISING_SHORT.get(lang),
                short_day(f, &c.end)
            )
        } else {
            format!(
                "{}, {}",
                i18n::ALL_STREAMS.get(lang),
                f.month_short(&now.backlog_peak_week)
            )
        },
        change: number_change(
            now.backlog_peak,
            base.backlog_peak,
            0.5,
            Good::Lower,
            |v| f.whole(v),
            lang,
        ),
    }
}

fn cost_total(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.euro_compact(now.cost_total_eur),
        note: format!(
            "{} {} · {} {} · {} {}",
            i18n::TOTAL_UNTIL.get(lang),
            f.day(&c.end),
            i18n::ASYLUM.get(lang),
            f.euro_short(now.cost_asylum_eur),
            i18n::NAREIS.get(lang),
            f.euro_short(now.cost_family_eur),
        ),
        short_note: format!(
            "{}, {} {}",
            i18n::ASYLUM_AND_NAREIS.get(lang),
            i18n::UNTIL.get(lang),
            short_day(f, &c.end)
        ),
        change: number_change(
            now.cost_total_eur,
            base.cost_total_eur,
            MONEY_RESOLUTION,
            Good::Lower,
            |v| f.euro_compact(v),
            lang,
        ),
    }
}

fn cost_2024(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.euro_compact(now.cost_through_2024_eur),
        // The letter's forecast started on 1 May 2023 with its own levers:
        // a run whose levers apply from a later date is not its like.
        note: if c.from_start {
            format!(
                "{} {} · {} {} · {}: {} {}",
                i18n::OF_WHICH_ASYLUM_PENALTIES.get(lang),
                f.euro_short(now.asylum_penalties_through_2024_eur),
                i18n::WITHOUT_BAA.get(lang),
                f.euro_short(c.letter_scope),
                i18n::LETTER_NAME.get(lang),
                f.euro_short(LETTER_PENALTIES_2024_EUR),
                i18n::LETTER_SCOPE.get(lang),
            )
        } else {
            format!(
                "{} {}",
                i18n::OF_WHICH_ASYLUM_PENALTIES.get(lang),
                f.euro_short(now.asylum_penalties_through_2024_eur),
            )
        },
        // The letter's EUR 55 million beside the figure that compares like
        // for like, even on a narrow card.
        short_note: if c.from_start {
            format!(
                "{} {} {} · {} {}",
                i18n::ASYLUM.get(lang),
                i18n::WITHOUT_BAA.get(lang),
                f.euro_short(c.letter_scope),
                i18n::LETTER_SHORT.get(lang),
                f.euro_short(LETTER_PENALTIES_2024_EUR),
            )
        } else {
            format!(
                "{} {}",
                i18n::ASYLUM_AND_NAREIS.get(lang),
                i18n::KPI_COST_2024.get(lang).to_lowercase(),
            )
        },
        change: number_change(
            now.cost_through_2024_eur,
            base.cost_through_2024_eur,
            MONEY_RESOLUTION,
            Good::Lower,
            |v| f.euro_compact(v),
            lang,
        ),
    }
}

fn cost_first_year(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.euro_compact(now.cost_first_year_eur),
        note: format!(
            "{} {}",
            i18n::FIRST_52_WEEKS_UNTIL.get(lang),
            f.day(&c.first_day.add_days(52 * 7 - 1).min(c.end))
        ),
        short_note: format!(
            "{} {}",
            i18n::UNTIL.get(lang),
            short_day(f, &c.first_day.add_days(52 * 7 - 1).min(c.end))
        ),
        change: number_change(
            now.cost_first_year_eur,
            base.cost_first_year_eur,
            MONEY_RESOLUTION,
            Good::Lower,
            |v| f.euro_compact(v),
            lang,
        ),
    }
}

fn in_term(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: f.percent(now.share_decided_in_term),
        note: i18n::OF_DECISIONS.get(lang).to_owned(),
        short_note: format!(
            "{} {}",
            i18n::ALL_DECISIONS_UNTIL.get(lang),
            short_day(f, &c.end)
        ),
        change: number_change(
            now.share_decided_in_term,
            base.share_decided_in_term,
            0.0005,
            Good::Higher,
            |v| {
                format!(
                    "{} {}",
                    f.one_decimal(v * 100.0),
                    i18n::PERCENT_POINTS.get(lang)
                )
            },
            lang,
        ),
    }
}

fn back_in_term(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.lang);
    Figure {
        value: match now.back_in_term_from {
            Some(d) => f.month_long(&d),
            None => format!(
                "{} {}",
                i18n::NOT_BEFORE.get(lang),
                f.month_short(&c.end.add_days(1))
            ),
        },
        note: match now.back_in_term_from {
            Some(_) => i18n::FIRST_MONTH_NOTE.get(lang),
            None => i18n::NEVER_NOTE.get(lang),
        }
        .to_owned(),
        short_note: match now.back_in_term_from {
            Some(_) => i18n::FIRST_MONTH_SHORT.get(lang).to_owned(),
            None => format!(
                "{} {}",
                i18n::PAST_TERM_UNTIL.get(lang),
                short_day(f, &c.end)
            ),
        },
        change: month_change(now.back_in_term_from, base.back_in_term_from, f, lang),
    }
}

/// The headline figures, in an aria-live region so that a screen reader
/// hears the new figures after a change.
#[component]
pub fn Kpis() -> impl IntoView {
    let store = use_store();
    let lang = store.lang();
    // Only the horizon's end of the scenario shows here; a memo keeps the
    // other levers from recomputing the figures' texts.
    let end = store.end_day();
    // The first day of the first week of the reader's levers, and the day
    // they apply from (`None` from the start).
    // The run knows its first week of the levers: no scenario is read.
    let first_day = Memo::new(move |_| store.run.with(|r| r.week_start(r.join_week())));
    let from = Memo::new(move |_| {
        let from = store.levers_from().get();
        store.run.with(|r| (r.join_week() > 0).then_some(from))
    });
    let from_start = Memo::new(move |_| from.with(Option::is_none));
    // "vanaf januari 2026" on each card of a run from a later day: the
    // figures count from there.
    // In full and short ("vanaf jan 2026"), for the narrow cards of the
    // projector layout.
    let counts_from = Memo::new(move |_| {
        let from = from.get()?;
        let lang = lang.get();
        let f = formats(lang);
        let (long, short) = if from.day() == 1 {
            (f.month_long(&from), f.month_short(&from))
        } else {
            (f.day(&from), f.day(&from))
        };
        let word = i18n::COUNTS_FROM.get(lang);
        // The history before the join follows the record's inputs up to
        // its last day (or to the join, if that comes first).
        let through = record::inputs::RECORD_END.min(from.add_days(-1));
        let history = i18n::HISTORY_THROUGH.get(lang);
        Some((
            format!("{word} {long}; {history} {}", f.day(&through)),
            format!("{word} {short}"),
        ))
    });
    let cards = FIGURES
        .iter()
        .map(|slot| {
            // The figure of this card: the slot's, or the one it shows in
            // a run from a later day.
            let spec = move || slot.for_run(from_start.get());
            let figure = Memo::new(move |_| {
                crate::platform::reruns::rerun(crate::platform::reruns::Node::Frame);
                let lang = lang.get();
                let end = end.get();
                let from_start = from_start.get();
                let spec = slot.for_run(from_start);
                let f = formats(lang);
                let letter_scope = store.letter_scope_penalties.get();
                store.summary.with(|now| {
                    store.baseline_summary.with(|base| {
                        (spec.figure)(&Context {
                            now,
                            base,
                            f: &f,
                            lang,
                            end,
                            letter_scope,
                            from_start,
                            first_day: first_day.get(),
                        })
                    })
                })
            });
            let long = Memo::new(move |_| figure.with(|f| f.value.chars().count() > LONG_FIGURE));
            // P10 to P90 and the median over the bands' runs, when bands of
            // what is on screen are ready; "never" counted as a value.
            let range = Memo::new(move |_| {
                let bands = store.current_bands()?;
                let lang = lang.get();
                let f = formats(lang);
                let (key, show) = spec().band;
                let d = bands.figure(key)?;
                let p = d.percentiles;
                let at = (bands.start, end.get());
                let never = d.sorted.iter().filter(|v| v.is_infinite()).count();
                let share = never as f64 / d.sorted.len().max(1) as f64;
                Some(BandLine {
                    range: format!(
                        "{} {} – {}",
                        i18n::P10_P90.get(lang),
                        show(&f, p.p10, at, lang),
                        show(&f, p.p90, at, lang)
                    ),
                    median: format!(
                        "{} {}",
                        i18n::BAND_MEDIAN.get(lang),
                        show(&f, p.p50, at, lang)
                    ),
                    never: (never > 0).then(|| {
                        format!(
                            "{} {} {} {}",
                            i18n::IN.get(lang),
                            f.percent(share),
                            i18n::OF_THE_RUNS.get(lang),
                            show(&f, f64::INFINITY, at, lang)
                        )
                    }),
                })
            });
            let range_testid = move || format!("range-{}", spec().testid);
            let change = move || figure.with(|f| f.change.clone());
            view! {
                <div class="kpi">
                    <p class="kpi-label">
                        <Words text=Signal::derive(move || spec().label.get(lang.get()).to_owned()) />
                    </p>
                    <Show when=move || counts_from.with(Option::is_some)>
                        <p
                            class="kpi-from"
                            data-testid="kpi-from"
                            title=move || {
                                from.get().map(|d| i18n::history_followed(lang.get(), &formats(lang.get()), d))
                            }
                        >
                            <span class="kpi-from-long">
                                {move || counts_from.get().unwrap_or_default().0}
                            </span>
                            <span class="kpi-from-short">
                                {move || counts_from.get().unwrap_or_default().1}
                            </span>
                        </p>
                    </Show>
                    <p class="kpi-value" class:long=long data-testid=move || spec().testid>
                        {move || figure.with(|f| f.value.clone())}
                    </p>
                    <p class="kpi-note" data-testid="kpi-note">
                        <span class="kpi-note-long">
                            <Words text=Signal::derive(move || figure.with(|f| f.note.clone())) />
                        </span>
                        <span class="kpi-note-short">
                            {move || figure.with(|f| f.short_note.clone())}
                        </span>
                    </p>
                    <Show when=move || range.with(Option::is_some)>
                        <p class="kpi-band">
                            <span class="kpi-median" data-testid=move || format!("median-{}", spec().testid)>
                                {move || range.with(|r| r.as_ref().map(|r| r.median.clone()))}
                            </span>
                            " · "
                            <span class="kpi-range" data-testid=range_testid>
                                {move || range.with(|r| r.as_ref().map(|r| r.range.clone()))}
                            </span>
                            <Show when=move || range.with(|r| r.as_ref().is_some_and(|r| r.never.is_some()))>
                                " · "
                                <span class="kpi-never" data-testid=move || format!("never-{}", spec().testid)>
                                    {move || range.with(|r| r.as_ref().and_then(|r| r.never.clone()))}
                                </span>
                            </Show>
                        </p>
                    </Show>
                    <p class=move || format!("kpi-delta {}", change().tone.class())>
                        <span class="arrow" aria-hidden="true">
                            {move || delta::arrow(change().direction)}
                        </span>
                        " "
                        <span class="amount">{move || change().amount}</span>
                        " "
                        <span class="word">{move || change().word}</span>
                        <span class="vs">
                            {move || {
                                if change().direction == Direction::Same {
                                    String::new()
                                } else {
                                    format!(" {}", i18n::VS_BASELINE.get(lang.get()))
                                }
                            }}
                        </span>
                    </p>
                </div>
            }
        })
        .collect_view();
    view! {
        <section
            class="kpis"
            aria-labelledby="kpis-title"
            aria-live="polite"
            aria-busy=move || if store.dragging().get() { "true" } else { "false" }
        >
            <h2 id="kpis-title" class="visually-hidden">
                {move || i18n::FIGURES.get(lang.get())}
            </h2>
            {cards}
        </section>
    }
}
