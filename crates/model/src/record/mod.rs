//! The record: the figures the IND and others published after the letter,
//! and the model's value beside each for a run ([`compare`]).
//!
//! The figures live in one data file (`data/published.csv`), compiled in.
//! A published flow over a period that starts before the run (the year
//! 2023, while a run starts on 1 May 2023) is compared like for like: only
//! the part of the period the run covers, with the published figure cut to
//! that part. Where a shorter published figure from the same start covers
//! the part before the run (January to August 2023 for the penalties of
//! 2023), the cut takes that figure spread evenly over its own months;
//! otherwise the whole figure is spread evenly over its period. Means and
//! shares (the time to decision, the share decided within 15 months) are
//! compared as they are: the model's mean over the part of the period it
//! covers.

mod data;
pub mod inputs;

pub use data::RowError;

use std::sync::OnceLock;

use crate::csv::{Cell, Notation, Sheet};
use crate::date::Date;
use crate::run::{Column, Measure, Run};
use crate::stream::Stream;
use crate::text::{Lang, Text, t};

/// What a published figure measures, in the model's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordMeasure {
    /// Open cases at the end of a day ([`Measure::Backlog`]).
    Backlog,
    /// Open cases at least six months old ([`Measure::BacklogOver6Months`]).
    BacklogOver6Months,
    /// Open cases at least fifteen months old.
    BacklogOver15Months,
    /// Open cases six to fifteen months old: the difference of the two.
    Backlog6To15Months,
    /// Decisions over a period.
    Decisions,
    /// Applications over a period.
    Intake,
    /// Statutory and court penalties over a period, euros. The model has no
    /// lag between a penalty falling due and its payment: it compares what
    /// falls due in the period with what was paid in it.
    PenaltiesEur,
    /// Notices of default over a period.
    Notices,
    /// The mean age at decision of the cases decided in a period, weeks,
    /// weighted by decisions.
    MeanTimeToDecisionWeeks,
    /// The share of a period's decisions taken within fifteen months of
    /// filing.
    ShareDecidedWithin15Months,
    /// The share of a period's decisions taken within the legal term.
    ShareDecidedWithinTerm,
}

impl RecordMeasure {
    /// Every measure, in the data file's order of documentation.
    pub const ALL: [RecordMeasure; 11] = [
        RecordMeasure::Backlog,
        RecordMeasure::BacklogOver6Months,
        RecordMeasure::BacklogOver15Months,
        RecordMeasure::Backlog6To15Months,
        RecordMeasure::Decisions,
        RecordMeasure::Intake,
        RecordMeasure::PenaltiesEur,
        RecordMeasure::Notices,
        RecordMeasure::MeanTimeToDecisionWeeks,
        RecordMeasure::ShareDecidedWithin15Months,
        RecordMeasure::ShareDecidedWithinTerm,
    ];

    /// The key in the data file and the CSV.
    pub fn key(self) -> &'static str {
        match self {
            RecordMeasure::Backlog => "backlog",
            RecordMeasure::BacklogOver6Months => "backlog_over_6_months",
            RecordMeasure::BacklogOver15Months => "backlog_over_15_months",
            RecordMeasure::Backlog6To15Months => "backlog_6_to_15_months",
            RecordMeasure::Decisions => "decisions",
            RecordMeasure::Intake => "intake",
            RecordMeasure::PenaltiesEur => "penalties_eur",
            RecordMeasure::Notices => "notices",
            RecordMeasure::MeanTimeToDecisionWeeks => "mean_time_to_decision_weeks",
            RecordMeasure::ShareDecidedWithin15Months => "share_decided_within_15_months",
            RecordMeasure::ShareDecidedWithinTerm => "share_decided_within_term",
        }
    }

    fn from_key(key: &str) -> Option<RecordMeasure> {
        RecordMeasure::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The measure's name for people.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    fn text(self) -> Text {
        match self {
            RecordMeasure::Backlog => t("Voorraad", "Backlog"),
            RecordMeasure::BacklogOver6Months => {
                t("Langer dan 6 maanden open", "Open over 6 months")
            }
            RecordMeasure::BacklogOver15Months => {
                t("Langer dan 15 maanden open", "Open over 15 months")
            }
            RecordMeasure::Backlog6To15Months => t("6 tot 15 maanden open", "Open 6 to 15 months"),
            RecordMeasure::Decisions => t("Besluiten", "Decisions"),
            RecordMeasure::Intake => t("Instroom", "Intake"),
            RecordMeasure::PenaltiesEur => t("Dwangsommen (euro)", "Penalties (euros)"),
            RecordMeasure::Notices => t("Ingebrekestellingen", "Notices of default"),
            RecordMeasure::MeanTimeToDecisionWeeks => t(
                "Gemiddelde tijd tot besluit (weken)",
                "Mean time to decision (weeks)",
            ),
            RecordMeasure::ShareDecidedWithin15Months => t(
                "Deel binnen 15 maanden beslist",
                "Share decided within 15 months",
            ),
            RecordMeasure::ShareDecidedWithinTerm => t(
                "Deel binnen de termijn beslist",
                "Share decided within the term",
            ),
        }
    }

    /// Whether the figure is a stock on one day (else a flow or a mean over
    /// a period).
    pub fn is_stock(self) -> bool {
        matches!(
            self,
            RecordMeasure::Backlog
                | RecordMeasure::BacklogOver6Months
                | RecordMeasure::BacklogOver15Months
                | RecordMeasure::Backlog6To15Months
        )
    }

    /// Whether the figure adds up over time (and so is cut to the part of
    /// its period that a run covers).
    fn is_flow(self) -> bool {
        matches!(
            self,
            RecordMeasure::Decisions
                | RecordMeasure::Intake
                | RecordMeasure::PenaltiesEur
                | RecordMeasure::Notices
        )
    }
}

/// The streams a figure covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scope {
    streams: [bool; 4],
}

impl Scope {
    /// Whether `stream` is part of the scope.
    pub fn contains(self, stream: Stream) -> bool {
        self.streams[stream.index()]
    }

    /// The streams of the scope, in [`Stream::ALL`]'s order.
    pub fn streams(self) -> impl Iterator<Item = Stream> {
        Stream::ALL.into_iter().filter(move |&s| self.contains(s))
    }

    /// Whether the scope is every stream.
    pub fn is_all(self) -> bool {
        self.streams.iter().all(|&s| s)
    }

    /// The key in the data file: `all`, `asylum` (tracks 1, 2 and 4), or
    /// stream keys joined by `+`.
    pub fn key(self) -> String {
        if self.is_all() {
            return "all".to_string();
        }
        if Stream::ALL
            .iter()
            .all(|&s| self.contains(s) == s.is_asylum())
        {
            return "asylum".to_string();
        }
        self.streams()
            .map(Stream::key)
            .collect::<Vec<_>>()
            .join("+")
    }

    fn from_key(key: &str) -> Option<Scope> {
        let mut streams = [false; 4];
        match key {
            "all" => streams = [true; 4],
            "asylum" => {
                for s in Stream::ALL.into_iter().filter(|s| s.is_asylum()) {
                    streams[s.index()] = true;
                }
            }
            _ => {
                for part in key.split('+') {
                    let s = Stream::ALL.into_iter().find(|s| s.key() == part)?;
                    if streams[s.index()] {
                        return None;
                    }
                    streams[s.index()] = true;
                }
            }
        }
        Some(Scope { streams })
    }

    /// The scope's name for people.
    pub fn label(self, lang: Lang) -> String {
        match self.key().as_str() {
            "all" => t("alle stromen", "all streams").get(lang).to_string(),
            "asylum" => t("asiel (spoor 1, 2, 4)", "asylum (tracks 1, 2, 4)")
                .get(lang)
                .to_string(),
            _ => self
                .streams()
                .map(|s| s.label(lang))
                .collect::<Vec<_>>()
                .join(" + "),
        }
    }
}

/// A period from its first through its last day; one day for a stock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub from: Date,
    pub to: Date,
}

impl Period {
    /// Days in the period, both ends included.
    pub fn days(self) -> i64 {
        self.from.days_until(self.to) + 1
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}..{}", self.from, self.to)
        }
    }
}

/// How far a published figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// An official page or document.
    Official,
    /// A news report quoting official figures.
    Secondary,
    /// Unclear scope or a single unverified report.
    Unclear,
}

impl Confidence {
    /// `O`, `S` or `U`, as in the data file.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::Official => "O",
            Confidence::Secondary => "S",
            Confidence::Unclear => "U",
        }
    }

    fn from_key(key: &str) -> Option<Confidence> {
        match key {
            "O" => Some(Confidence::Official),
            "S" => Some(Confidence::Secondary),
            "U" => Some(Confidence::Unclear),
            _ => None,
        }
    }

    /// What the confidence means, for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Confidence::Official => t("officiële bron", "official source"),
            Confidence::Secondary => t(
                "nieuwsbericht met officiële cijfers",
                "news report of official figures",
            ),
            Confidence::Unclear => t("onduidelijke reikwijdte", "unclear scope"),
        }
        .get(lang)
    }
}

/// One published figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Published {
    pub measure: RecordMeasure,
    pub scope: Scope,
    /// The day of a stock, or the period of a flow or mean.
    pub period: Period,
    pub value: f64,
    /// Who published it, and where.
    pub source: &'static str,
    pub confidence: Confidence,
    /// The figure as published, with what its scope leaves open.
    pub note: &'static str,
}

/// Every published figure of the data file, in its order.
///
/// # Panics
/// Never at run time for the file as compiled in: the unit tests parse it,
/// so a malformed row fails the build's tests instead.
pub fn published() -> &'static [Published] {
    static ROWS: OnceLock<Vec<Published>> = OnceLock::new();
    ROWS.get_or_init(|| match data::parse(data::PUBLISHED_CSV) {
        Ok(rows) => rows,
        Err(e) => panic!("data/published.csv line {}: {}", e.line, e.reason),
    })
}

/// A published figure beside the model's value for one run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RecordRow {
    pub published: &'static Published,
    /// The part of the published period that the run covers (for a stock,
    /// the day).
    pub compared: Period,
    /// The published figure for that part: the figure itself, or for a flow
    /// whose period the run covers only in part, its share (see the module
    /// text).
    pub published_value: f64,
    /// The model's value for the same measure, scope and part.
    pub model_value: f64,
    /// The week whose end the stock is read at, or the first week that
    /// overlaps the compared period.
    pub week: usize,
}

impl RecordRow {
    /// `(model − published) / published × 100`; `None` when the published
    /// value is 0.
    pub fn difference_pct(&self) -> Option<f64> {
        (self.published_value != 0.0)
            .then(|| (self.model_value - self.published_value) / self.published_value * 100.0)
    }

    /// Whether the published figure covers its whole period in this run
    /// (not cut to a part).
    pub fn is_whole(&self) -> bool {
        self.compared == self.published.period
    }
}

/// Every published figure that falls in `run`'s horizon, beside the model's
/// value: stocks whose day lies in the run, flows and means whose period
/// overlaps it. In the data file's order.
#[must_use]
pub fn compare(run: &Run) -> Vec<RecordRow> {
    compare_with(run, published())
}

/// [`compare`] against the figures `figures` instead of the data file's:
/// for a fit on figures a test makes.
#[must_use]
pub fn compare_with(run: &Run, figures: &'static [Published]) -> Vec<RecordRow> {
    figures
        .iter()
        .filter_map(|p| compare_one(run, p, figures))
        .collect()
}

/// The first day and the last day a run covers.
fn run_span(run: &Run) -> Option<Period> {
    let weeks = run.weeks();
    (weeks > 0).then(|| Period {
        from: run.week_start(0),
        to: run.week_start(weeks - 1).add_days(6),
    })
}

fn compare_one(run: &Run, p: &'static Published, all: &[Published]) -> Option<RecordRow> {
    let span = run_span(run)?;
    let from = p.period.from.max(span.from);
    let to = p.period.to.min(span.to);
    if from > to {
        return None;
    }
    let compared = Period { from, to };
    // Each week with its weight: for a stock, the week that holds the day
    // (weight 1); for a flow or a mean, every week that overlaps the period,
    // weighted by the share of its seven days inside it, so that a year is
    // 365 or 366 days of flow, not the 52 or 53 weeks that start in it.
    let weeks: Vec<(usize, f64)> = (0..run.weeks())
        .filter_map(|w| {
            let d = run.week_start(w);
            if p.measure.is_stock() {
                (d <= from && from < d.add_days(7)).then_some((w, 1.0))
            } else {
                let first = d.max(from);
                let last = d.add_days(6).min(to);
                (first <= last).then(|| (w, (first.days_until(last) + 1) as f64 / 7.0))
            }
        })
        .collect();
    let &(first, _) = weeks.first()?;
    let sum = |m: Measure| -> f64 {
        p.scope
            .streams()
            .map(|s| {
                let series = run.series(Column::of(m, s));
                weeks
                    .iter()
                    .map(|&(w, share)| series[w] * share)
                    .sum::<f64>()
            })
            .sum()
    };
    let weighted = |m: Measure, weight: Measure| -> f64 {
        let mut total = 0.0;
        let mut weights = 0.0;
        for s in p.scope.streams() {
            let values = run.series(Column::of(m, s));
            let ws = run.series(Column::of(weight, s));
            for &(w, share) in &weeks {
                total += values[w] * ws[w] * share;
                weights += ws[w] * share;
            }
        }
        if weights > 0.0 { total / weights } else { 0.0 }
    };
    let decisions = sum(Measure::Decisions);
    let share_of = |part: f64| {
        if decisions > 0.0 {
            part / decisions
        } else {
            0.0
        }
    };
    let model_value = match p.measure {
        RecordMeasure::Backlog => sum(Measure::Backlog),
        RecordMeasure::BacklogOver6Months => sum(Measure::BacklogOver6Months),
        RecordMeasure::BacklogOver15Months => sum(Measure::BacklogOver15Months),
        RecordMeasure::Backlog6To15Months => {
            sum(Measure::BacklogOver6Months) - sum(Measure::BacklogOver15Months)
        }
        RecordMeasure::Decisions => sum(Measure::Decisions),
        RecordMeasure::Intake => sum(Measure::Intake),
        RecordMeasure::PenaltiesEur => {
            sum(Measure::PenaltyStatutoryEur) + sum(Measure::PenaltyCourtEur)
        }
        RecordMeasure::Notices => sum(Measure::NoticesSent),
        RecordMeasure::MeanTimeToDecisionWeeks => {
            weighted(Measure::DecidedAgeWeeks, Measure::Decisions)
        }
        RecordMeasure::ShareDecidedWithin15Months => share_of(sum(Measure::DecidedWithin15Months)),
        RecordMeasure::ShareDecidedWithinTerm => share_of(sum(Measure::DecidedWithinTerm)),
    };
    let published_value = if p.measure.is_flow() {
        like_for_like(p, compared, all)
    } else {
        p.value
    };
    Some(RecordRow {
        published: p,
        compared,
        published_value,
        model_value,
        week: first,
    })
}

/// The published flow `p` cut to `part` of its period: what lies outside
/// `part` before it is estimated from the shortest other published figure
/// of the same measure and scope that starts with `p` and covers it (spread
/// evenly over its own days), else from `p` spread evenly; what lies outside
/// after it is taken from `p` spread evenly.
fn like_for_like(p: &Published, part: Period, all: &[Published]) -> f64 {
    if part == p.period {
        return p.value;
    }
    let per_day = |q: &Published| q.value / q.period.days() as f64;
    let before_days = p.period.from.days_until(part.from);
    let after_days = part.to.days_until(p.period.to);
    let sub = all
        .iter()
        .filter(|q| {
            q.measure == p.measure
                && q.scope == p.scope
                && q.period.from == p.period.from
                && q.period.to < p.period.to
                && q.period.to >= part.from.add_days(-1)
        })
        .min_by_key(|q| q.period.days());
    let before = match sub {
        Some(q) => per_day(q) * before_days as f64,
        None => per_day(p) * before_days as f64,
    };
    let after = per_day(p) * after_days as f64;
    (p.value - before - after).max(0.0)
}

/// The columns of [`to_csv`], as its header row holds them.
pub const RECORD_CSV_COLUMNS: [&str; 7] = [
    "measure",
    "scope",
    "date",
    "published",
    "model",
    "difference_pct",
    "source",
];

/// The comparison as CSV: `measure,scope,date,published,model,
/// difference_pct,source`, written by the one CSV writer ([`Sheet`], in
/// English notation: text quoted, a decimal point). `date` is the day of a
/// stock or the compared part of a period; `published` is the figure for
/// that part (see the module text), and `source` says so when it is a part
/// of the published figure. Counts and euros are whole, weeks have at most
/// one decimal, shares three; the difference has at most one decimal, or is
/// empty when the published value is 0.
#[must_use]
pub fn to_csv(rows: &[RecordRow]) -> String {
    let mut sheet = Sheet::bare(Notation::of(Lang::En));
    sheet.text_row(RECORD_CSV_COLUMNS);
    for r in rows {
        write_row(&mut sheet, None, r);
    }
    sheet.finish()
}

/// One row of [`to_csv`], without its line end: the page marks each row of
/// its comparison with it, so that a test can hold the page against the
/// command line.
#[must_use]
pub fn csv_line(r: &RecordRow) -> String {
    let mut sheet = Sheet::bare(Notation::of(Lang::En));
    write_row(&mut sheet, None, r);
    let mut line = sheet.finish();
    line.pop();
    line
}

/// Writes `r` as one row of `sheet`, after the cell `lead` if any (the
/// track record's origin).
pub fn write_row(sheet: &mut Sheet, lead: Option<Cell<'_>>, r: &RecordRow) {
    let p = r.published;
    let decimals = match p.measure {
        RecordMeasure::MeanTimeToDecisionWeeks => 1,
        RecordMeasure::ShareDecidedWithin15Months | RecordMeasure::ShareDecidedWithinTerm => 3,
        _ => 0,
    };
    let mut source = p.source.to_string();
    if !r.is_whole() && p.measure.is_flow() {
        use std::fmt::Write;
        let _ = write!(source, "; the part of {} in {}", fmt_value(p), r.compared);
    }
    let scope = p.scope.key();
    let compared = r.compared.to_string();
    sheet.row(lead.into_iter().chain([
        Cell::Text(p.measure.key()),
        Cell::Text(&scope),
        Cell::Text(&compared),
        Cell::Number(r.published_value, decimals),
        Cell::Number(r.model_value, decimals),
        // No difference (a published 0) is an empty cell.
        Cell::Number(r.difference_pct().unwrap_or(f64::NAN), 1),
        Cell::Text(&source),
    ]));
}

/// A published value as written in the data file (for the CSV's notes).
fn fmt_value(p: &Published) -> String {
    format!("{} for {}", p.value, p.period)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    #[test]
    fn the_csv_has_a_row_per_figure_in_range() {
        let run = Scenario::default().run();
        let rows = compare(&run);
        let csv = to_csv(&rows);
        assert_eq!(csv.lines().count(), rows.len() + 1);
        assert!(csv.starts_with(
            "\"measure\",\"scope\",\"date\",\"published\",\"model\",\"difference_pct\",\"source\"\n"
        ));
        assert!(csv.contains("\n\"backlog\",\"asylum\",\"2023-12-31\",50000,"));
    }

    #[test]
    fn the_csv_is_the_one_writer_s_and_reads_back_as_cells() {
        let run = Scenario::default().run();
        let rows = compare(&run);
        let csv = to_csv(&rows);
        let mut reader = ::csv::ReaderBuilder::new().from_reader(csv.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, RECORD_CSV_COLUMNS);
        let records: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(&rows) {
            assert_eq!(record.len(), RECORD_CSV_COLUMNS.len());
            // A source with commas and quotes is one cell, as written.
            assert!(record[6].starts_with(row.published.source), "{record:?}");
            assert_eq!(&record[0], row.published.measure.key());
        }
    }

    #[test]
    fn every_row_maps_to_a_measure_with_a_source_and_a_confidence() {
        let rows = published();
        for r in rows {
            assert!(RecordMeasure::from_key(r.measure.key()) == Some(r.measure));
            assert!(Scope::from_key(&r.scope.key()) == Some(r.scope));
            assert!(!r.source.is_empty());
            assert!(matches!(r.confidence.key(), "O" | "S" | "U"));
        }
        assert!(rows.iter().all(|r| r.period.from >= crate::scenario::ymd(2023, 5, 1)
            || !r.measure.is_stock()));
    }

    #[test]
    fn scopes_read_and_write() {
        for key in ["all", "asylum", "t4", "t1+t2", "t2+t4", "nareis"] {
            assert_eq!(Scope::from_key(key).unwrap().key(), key);
        }
        assert!(Scope::from_key("t4+t4").is_none());
        assert!(Scope::from_key("t3").is_none());
        assert_eq!(Scope::from_key("t1+t2+t4").unwrap().key(), "asylum");
    }

    #[test]
    fn the_2023_penalties_are_cut_to_may_to_december_with_the_january_to_august_figure() {
        let run = Scenario::default().run();
        let rows = compare(&run);
        let row = rows
            .iter()
            .find(|r| {
                r.published.measure == RecordMeasure::PenaltiesEur
                    && r.published.scope.is_all()
                    && r.published.period.to.to_string() == "2023-12-31"
                    && r.published.period.from.to_string() == "2023-01-01"
            })
            .unwrap();
        // 11.3 M less four months of the 5.1 M for January to August.
        let expected = 11.3e6 - 5.1e6 / 243.0 * 120.0;
        assert!(
            (row.published_value - expected).abs() < 1.0,
            "{}",
            row.published_value
        );
        assert!(!row.is_whole());
        assert_eq!(row.compared.from.to_string(), "2023-05-01");
    }

    #[test]
    fn a_horizon_before_a_figure_leaves_it_out() {
        let (s, _) = Scenario::from_query("until=2023-06-30");
        let rows = compare(&s.run());
        assert!(
            rows.iter()
                .all(|r| r.compared.to <= crate::scenario::ymd(2023, 7, 2))
        );
        assert!(rows.iter().all(|r| !r.published.measure.is_stock()));
    }

    #[test]
    fn stocks_read_the_week_that_holds_their_day() {
        let run = Scenario::default().run();
        let rows = compare(&run);
        let end_2023 = rows
            .iter()
            .find(|r| {
                r.published.measure == RecordMeasure::Backlog
                    && r.published.scope.key() == "nareis"
                    && r.compared.from.to_string() == "2023-12-31"
            })
            .unwrap();
        let week = run.week_start(end_2023.week);
        assert!(week <= end_2023.compared.from && end_2023.compared.from < week.add_days(7));
        let nareis = run.series(Column::of(Measure::Backlog, Stream::FamilyReunification));
        assert_eq!(end_2023.model_value, nareis[end_2023.week]);
    }
}
