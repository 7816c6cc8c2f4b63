//! The headline figures' texts: each figure's value, its notes and its
//! change against the baseline, computed from the two summaries, and what
//! the uncertainty bands say of it. One table ([`FIGURES`]) that the cards,
//! the comparison and "why different?" share.

use doorstroom_model::uncertainty::{Distribution, Figure as ModelFigure};
use doorstroom_model::{Date, LETTER_PENALTIES_2024_EUR, Summary, Text};

use super::changes::{Change, Good, month_change, number_change};
use super::notation::Notation;
use crate::i18n;

/// A day in few letters: "31 dec. 2026" / "31 Dec 2026".
fn short_day(f: &dyn Notation, d: &Date) -> String {
    format!("{} {}", d.day(), f.month_short(d))
}

/// One headline figure's texts, computed from the two summaries.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: String,
    pub note: String,
    /// The note in a few words, keeping its date and scope: what the
    /// narrow cards of the projector layout show.
    pub short_note: String,
    pub change: Change,
}

pub struct Context<'a> {
    pub now: &'a Summary,
    pub base: &'a Summary,
    /// How numbers are written, in the page's language.
    pub f: &'a dyn Notation,
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
/// computed from the two summaries, and the model's figure (typed) and
/// notation of its distribution over the uncertainty bands' runs.
pub struct FigureSpec {
    pub testid: &'static str,
    pub label: Text,
    pub figure: fn(&Context) -> Figure,
    /// The model's figure this card shows, whose distribution over the
    /// bands' runs the card's band line gives ...
    pub measure: &'static ModelFigure,
    /// ... written by this.
    pub show: BandText,
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
    measure: &ModelFigure::COST_FIRST_YEAR_EUR,
    show: band_euro,
    from_later: None,
};

/// Writes a value of a figure's distribution: the notation, the value and
/// the run's start and end (for dates).
type BandText = fn(&dyn Notation, f64, (Date, Date)) -> String;

fn band_whole(f: &dyn Notation, x: f64, _: (Date, Date)) -> String {
    f.whole(x)
}

fn band_euro(f: &dyn Notation, x: f64, _: (Date, Date)) -> String {
    f.euro_compact(x)
}

fn band_percent(f: &dyn Notation, x: f64, _: (Date, Date)) -> String {
    f.percent(x)
}

/// A month figure: days after the run's start; "never" (+∞, cases past
/// term at the end) as the card itself says it: "not before" the month
/// after the horizon.
fn band_month(f: &dyn Notation, x: f64, (start, end): (Date, Date)) -> String {
    let lang = f.lang();
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
/// labelled as the runs', apart from the figure itself (the central run,
/// which may lie outside the runs' P10–P90).
#[derive(Clone, Debug, PartialEq)]
pub struct BandLine {
    /// "doorrekeningen: mediaan m".
    pub median: String,
    /// "P10–P90: a – b"; "P10: a" when more than a tenth of the runs never
    /// get back within term (P90 is "never", no value); none when nine in
    /// ten never do.
    pub range: Option<String>,
    /// "in 62% van de doorrekeningen niet vóór jan 2027", when some runs
    /// never get back within term: "never" is a share of the runs, not an
    /// end of a range.
    pub never: Option<String>,
}

impl FigureSpec {
    /// A value `x` of this figure as the bands and "why different?" read
    /// it (days after the run's start for a month), for a run that starts
    /// and ends at `at`.
    pub fn show(&self, f: &dyn Notation, x: f64, at: (Date, Date)) -> String {
        (self.show)(f, x, at)
    }

    /// What the card says of this figure's distribution `d` over the
    /// bands' runs, which start and end at `at`.
    pub fn band_line(&self, d: &Distribution, at: (Date, Date), f: &dyn Notation) -> BandLine {
        let lang = f.lang();
        let show = |f, x, at| self.show(f, x, at);
        let p = d.percentiles;
        let never = d.sorted.iter().filter(|v| v.is_infinite()).count();
        let share = never as f64 / d.sorted.len().max(1) as f64;
        let range = match (p.p10.is_finite(), p.p90.is_finite()) {
            (true, true) => Some(format!(
                "{} {} – {}",
                i18n::P10_P90.get(lang),
                show(f, p.p10, at),
                show(f, p.p90, at)
            )),
            (true, false) => Some(format!("P10: {}", show(f, p.p10, at))),
            (false, _) => None,
        };
        BandLine {
            median: format!("{} {}", i18n::BAND_MEDIAN.get(lang), show(f, p.p50, at)),
            range,
            never: (never > 0).then(|| {
                format!(
                    "{} {} {} {}",
                    i18n::IN.get(lang),
                    f.percent(share),
                    i18n::OF_THE_RUNS.get(lang),
                    show(f, f64::INFINITY, at)
                )
            }),
        }
    }
}

/// The headline figures, in the page's order.
pub const FIGURES: [FigureSpec; 6] = [
    FigureSpec {
        testid: "kpi-backlog-end",
        label: i18n::KPI_BACKLOG_END,
        figure: backlog_end,
        measure: &ModelFigure::BACKLOG_END,
        show: band_whole,
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-backlog-peak",
        label: i18n::KPI_BACKLOG_PEAK,
        figure: backlog_peak,
        measure: &ModelFigure::BACKLOG_PEAK,
        show: band_whole,
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-cost-total",
        label: i18n::KPI_COST_TOTAL,
        figure: cost_total,
        measure: &ModelFigure::COST_TOTAL_EUR,
        show: band_euro,
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-cost-2024",
        label: i18n::KPI_COST_2024,
        figure: cost_2024,
        measure: &ModelFigure::COST_THROUGH_2024_EUR,
        show: band_euro,
        from_later: Some(&COST_FIRST_YEAR),
    },
    FigureSpec {
        testid: "kpi-in-term",
        label: i18n::KPI_IN_TERM,
        figure: in_term,
        measure: &ModelFigure::SHARE_DECIDED_IN_TERM,
        show: band_percent,
        from_later: None,
    },
    FigureSpec {
        testid: "kpi-back-in-term",
        label: i18n::KPI_BACK_IN_TERM,
        figure: back_in_term,
        measure: &ModelFigure::BACK_IN_TERM_FROM,
        show: band_month,
        from_later: None,
    },
];

/// Money shows in tenths of a million: smaller changes are not shown.
const MONEY_RESOLUTION: f64 = 50_000.0;

fn backlog_end(c: &Context) -> Figure {
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
    let (now, base, f, lang) = (c.now, c.base, c.f, c.f.lang());
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
        change: month_change(now.back_in_term_from, base.back_in_term_from, f),
    }
}

#[cfg(test)]
mod tests {
    use doorstroom_model::uncertainty::Percentiles;
    use doorstroom_model::{Lang, Scenario};

    use super::*;
    use crate::view_model::changes::{Direction, arrow};
    use crate::view_model::notation::Plain;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).unwrap()
    }

    /// The texts of `spec` for `now` against `base` on today's outlook
    /// (levers from the join, so the first year's cost stands in for the
    /// letter's horizon), spaces plain.
    fn texts(spec: &'static FigureSpec, now: &Summary, base: &Summary, lang: Lang) -> Figure {
        let s = Scenario::outlook();
        let f = Plain(lang);
        let mut figure = (spec.for_run(false).figure)(&Context {
            now,
            base,
            f: &f,
            end: s.end,
            letter_scope: 0.0,
            from_start: false,
            first_day: s.start.add_days(7 * s.join_week() as i64),
        });
        figure.value = figure.value.replace('\u{a0}', " ");
        figure.change.amount = figure.change.amount.replace('\u{a0}', " ");
        figure
    }

    fn card_change(figure: &Figure) -> String {
        format!(
            "{} {}",
            arrow(figure.change.direction),
            figure.change.text()
        )
    }

    #[test]
    fn a_lower_first_year_cost_reads_lower_with_no_sign() {
        let base = Scenario::outlook().run().summary();
        let mut now = base.clone();
        now.cost_first_year_eur = base.cost_first_year_eur - 428_200.0;
        // The fourth card shows the first year in a run from a later day.
        let spec = &FIGURES[3];
        assert_eq!(spec.for_run(false).testid, "kpi-cost-first-year");
        let nl = texts(spec, &now, &base, Lang::Nl);
        assert_eq!(card_change(&nl), "▼ € 428,2 dzd. lager");
        assert_eq!(nl.change.tone.class(), "better");
        let en = texts(spec, &now, &base, Lang::En);
        assert_eq!(card_change(&en), "▼ €428.2k lower");
        // Higher the other way round, still without a sign.
        let up = texts(spec, &base, &now, Lang::Nl);
        assert_eq!(card_change(&up), "▲ € 428,2 dzd. hoger");
    }

    #[test]
    fn every_card_change_agrees_with_its_arrow() {
        let (more_staff, _) = Scenario::from_query("v=2&fte=1500&intake=40000");
        let (fewer_staff, _) = Scenario::from_query("v=2&fte=300&intake=90000");
        let a = more_staff.run().summary();
        let b = fewer_staff.run().summary();
        for spec in FIGURES
            .iter()
            .flat_map(|f| [Some(f), f.from_later])
            .flatten()
        {
            for (now, base) in [(&a, &b), (&b, &a)] {
                for lang in [Lang::Nl, Lang::En] {
                    let fig = texts(spec, now, base, lang);
                    let text = card_change(&fig);
                    assert!(!fig.change.amount.contains(['+', '−', '-']), "{text}");
                    let words = match fig.change.direction {
                        Direction::Up => [i18n::HIGHER, i18n::LATER, i18n::NOW_NEVER],
                        Direction::Down => [i18n::LOWER, i18n::EARLIER, i18n::NOW_WITHIN],
                        Direction::Same => [i18n::NO_CHANGE; 3],
                    };
                    assert!(
                        words.iter().any(|w| text.ends_with(w.get(lang))),
                        "{}: {text}",
                        spec.testid
                    );
                }
            }
        }
    }

    fn distribution(
        figure: &'static ModelFigure,
        sorted: Vec<f64>,
        p: (f64, f64, f64),
    ) -> Distribution {
        Distribution {
            figure,
            percentiles: Percentiles {
                p10: p.0,
                p50: p.1,
                p90: p.2,
            },
            sorted,
        }
    }

    /// The card of `testid`, whichever slot shows it.
    fn spec(testid: &str) -> &'static FigureSpec {
        FIGURES
            .iter()
            .flat_map(|f| [Some(f), f.from_later])
            .flatten()
            .find(|f| f.testid == testid)
            .unwrap()
    }

    #[test]
    fn the_bands_line_is_the_runs_and_never_is_a_share() {
        let at = (day(2026, 8, 3), day(2026, 12, 31));
        let f = Plain(Lang::Nl);
        // A central 54,5% may lie outside the runs' P10–P90: the line
        // names the runs, so it does not read as the card's range.
        let share = distribution(
            &ModelFigure::SHARE_DECIDED_IN_TERM,
            vec![0.44, 0.5, 0.55],
            (0.444, 0.5, 0.544),
        );
        let line = spec("kpi-in-term").band_line(&share, at, &f);
        assert_eq!(line.median, "doorrekeningen: mediaan 50,0%");
        assert_eq!(line.range.as_deref(), Some("P10–P90: 44,4% – 54,4%"));
        assert_eq!(line.never, None);

        // Every run past term at the end: no range of "never – never",
        // the share of the runs instead.
        let back = spec("kpi-back-in-term");
        let never = distribution(
            &ModelFigure::BACK_IN_TERM_FROM,
            vec![f64::INFINITY; 4],
            (f64::INFINITY, f64::INFINITY, f64::INFINITY),
        );
        let line = back.band_line(&never, at, &f);
        assert_eq!(line.range, None);
        assert_eq!(
            line.never.as_deref(),
            Some("in 100,0% van de doorrekeningen niet vóór jan 2027")
        );
        // Some runs back within term, more than a tenth never: P10 alone.
        let some = distribution(
            &ModelFigure::BACK_IN_TERM_FROM,
            vec![150.0, 200.0, f64::INFINITY, f64::INFINITY, f64::INFINITY],
            (150.0, f64::INFINITY, f64::INFINITY),
        );
        let line = back.band_line(&some, at, &f);
        assert_eq!(line.range.as_deref(), Some("P10: december 2026"));
        assert_eq!(
            line.never.as_deref(),
            Some("in 60,0% van de doorrekeningen niet vóór jan 2027")
        );
        assert_eq!(line.median, "doorrekeningen: mediaan niet vóór jan 2027");
    }

    #[test]
    fn a_card_never_back_within_term_names_the_month_after_the_horizon() {
        let base = Scenario::outlook().run().summary();
        let mut now = base.clone();
        now.back_in_term_from = None;
        let fig = texts(spec("kpi-back-in-term"), &now, &base, Lang::En);
        assert_eq!(fig.value, "not before Aug 2031");
    }
}
