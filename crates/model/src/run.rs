//! The result of a run: weekly series in one flat, column-major buffer.
//!
//! Every [`Measure`] has five columns: one per stream and one for all
//! streams together. Column `c` holds `weeks` values starting at
//! `c * weeks`, so a chart reads one contiguous slice.

use crate::date::Date;
use crate::stream::Stream;
use crate::summary::Summary;
use crate::text::{Lang, Text, t};

/// What a column measures. Counts are whole cases; money is euros; stocks
/// are at the end of the week, flows are during the week.
///
/// The backlog statuses are disjoint and add up to [`Measure::Backlog`]:
/// within term + past term (no notice) + notice sent (no appeal) + appeal
/// pending (no ruling) + court order running.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Measure {
    /// Applications filed this week.
    Intake,
    /// Decisions this week, regular and BAA.
    Decisions,
    /// Of which by the BAA.
    DecisionsBaa,
    /// Regular decision capacity this week (whole decisions), used or not.
    Capacity,
    /// Open cases at the end of the week.
    Backlog,
    /// Open cases whose term has not lapsed.
    BacklogWithinTerm,
    /// Open cases past their term without a notice of default yet. Smaller
    /// than [`Measure::BacklogOverdue`], which also counts the cases past
    /// their term that have moved on to a notice, an appeal or a court order.
    BacklogPastTerm,
    /// Open cases with a notice of default, no appeal.
    BacklogNoticeSent,
    /// Open cases with an appeal for not deciding in time, not yet ruled on.
    BacklogAppealPending,
    /// Open cases with a court order to decide (its term may still run).
    BacklogCourtOrder,
    /// All open cases past their term: the last four statuses together.
    BacklogOverdue,
    /// Notices of default sent this week.
    NoticesSent,
    /// Appeals for not deciding in time (BNTB) filed this week.
    AppealsFiled,
    /// Court rulings ordering a decision this week.
    CourtOrders,
    /// Statutory penalties (Awb 4:17) accrued this week, euros.
    PenaltyStatutoryEur,
    /// Court penalties accrued this week, euros.
    PenaltyCourtEur,
    /// Legal-costs awards for the appeals filed this week, euros.
    LegalCostsEur,
    /// Penalties and legal costs this week, euros.
    CostEur,
    /// Penalties and legal costs from the start through this week, euros.
    CostCumulativeEur,
    /// Decisions this week on cases still within their term.
    DecidedWithinTerm,
    /// Mean age, in weeks, of the cases decided this week (0 if none).
    DecidedAgeWeeks,
    /// Mean wait, in weeks, of the cases filed this week (see README).
    ExpectedWaitWeeks,
    /// The share (0 to 1) of the cases filed this week still undecided at
    /// the end of the horizon: the part of [`Measure::ExpectedWaitWeeks`]
    /// that is extrapolated rather than realised in the run.
    ExpectedWaitExtrapolated,
    /// Productive track-4 FTE (after coaching), in the track-4 column.
    ProductiveFte,
    /// Track-4 FTE in training, in the track-4 column.
    TraineeFte,
    /// Open cases at least six months old (from filing), whatever their
    /// term: the IND's "waiting longer than six months".
    BacklogOver6Months,
    /// Open cases at least fifteen months old, whatever their term (part
    /// of [`Measure::BacklogOver6Months`]).
    BacklogOver15Months,
    /// Decisions this week on cases not yet fifteen months old.
    DecidedWithin15Months,
}

/// How a measure's all-streams column is formed from the stream columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Total {
    Sum,
    /// The mean weighted by another measure (decisions for ages, intake for
    /// waits).
    WeightedBy(Measure),
}

impl Measure {
    /// Every measure, in column order.
    pub const ALL: [Measure; 28] = [
        Measure::Intake,
        Measure::Decisions,
        Measure::DecisionsBaa,
        Measure::Capacity,
        Measure::Backlog,
        Measure::BacklogWithinTerm,
        Measure::BacklogPastTerm,
        Measure::BacklogNoticeSent,
        Measure::BacklogAppealPending,
        Measure::BacklogCourtOrder,
        Measure::BacklogOverdue,
        Measure::NoticesSent,
        Measure::AppealsFiled,
        Measure::CourtOrders,
        Measure::PenaltyStatutoryEur,
        Measure::PenaltyCourtEur,
        Measure::LegalCostsEur,
        Measure::CostEur,
        Measure::CostCumulativeEur,
        Measure::DecidedWithinTerm,
        Measure::DecidedAgeWeeks,
        Measure::ExpectedWaitWeeks,
        Measure::ExpectedWaitExtrapolated,
        Measure::ProductiveFte,
        Measure::TraineeFte,
        Measure::BacklogOver6Months,
        Measure::BacklogOver15Months,
        Measure::DecidedWithin15Months,
    ];

    /// The snake_case name used in CSV headers.
    pub fn key(self) -> &'static str {
        match self {
            Measure::Intake => "intake",
            Measure::Decisions => "decisions",
            Measure::DecisionsBaa => "decisions_baa",
            Measure::Capacity => "capacity",
            Measure::Backlog => "backlog",
            Measure::BacklogWithinTerm => "backlog_within_term",
            Measure::BacklogPastTerm => "backlog_past_term",
            Measure::BacklogNoticeSent => "backlog_notice_sent",
            Measure::BacklogAppealPending => "backlog_appeal_pending",
            Measure::BacklogCourtOrder => "backlog_court_order",
            Measure::BacklogOverdue => "backlog_overdue",
            Measure::NoticesSent => "notices_sent",
            Measure::AppealsFiled => "appeals_filed",
            Measure::CourtOrders => "court_orders",
            Measure::PenaltyStatutoryEur => "penalty_statutory_eur",
            Measure::PenaltyCourtEur => "penalty_court_eur",
            Measure::LegalCostsEur => "legal_costs_eur",
            Measure::CostEur => "cost_eur",
            Measure::CostCumulativeEur => "cost_cumulative_eur",
            Measure::DecidedWithinTerm => "decided_within_term",
            Measure::DecidedAgeWeeks => "decided_age_weeks",
            Measure::ExpectedWaitWeeks => "expected_wait_weeks",
            Measure::ExpectedWaitExtrapolated => "expected_wait_extrapolated_share",
            Measure::ProductiveFte => "productive_fte",
            Measure::TraineeFte => "trainee_fte",
            Measure::BacklogOver6Months => "backlog_over_6_months",
            Measure::BacklogOver15Months => "backlog_over_15_months",
            Measure::DecidedWithin15Months => "decided_within_15_months",
        }
    }

    /// How a week's values add up to a month or a year: flows are summed,
    /// stocks and running totals are read at the period's end, ages, waits,
    /// shares and staff are averaged over the period's weeks.
    pub fn aggregate(self) -> Aggregate {
        match self {
            Measure::Backlog
            | Measure::BacklogWithinTerm
            | Measure::BacklogPastTerm
            | Measure::BacklogNoticeSent
            | Measure::BacklogAppealPending
            | Measure::BacklogCourtOrder
            | Measure::BacklogOverdue
            | Measure::BacklogOver6Months
            | Measure::BacklogOver15Months
            | Measure::CostCumulativeEur => Aggregate::Last,
            Measure::DecidedAgeWeeks
            | Measure::ExpectedWaitWeeks
            | Measure::ExpectedWaitExtrapolated
            | Measure::ProductiveFte
            | Measure::TraineeFte => Aggregate::Mean,
            _ => Aggregate::Sum,
        }
    }

    /// The measure's name for people.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

    fn text(self) -> Text {
        match self {
            Measure::Intake => t("Instroom", "Intake"),
            Measure::Decisions => t("Besluiten", "Decisions"),
            Measure::DecisionsBaa => t("Besluiten BAA", "BAA decisions"),
            Measure::Capacity => t("Capaciteit", "Capacity"),
            Measure::Backlog => t("Voorraad", "Backlog"),
            Measure::BacklogWithinTerm => t("Binnen de termijn", "Within term"),
            Measure::BacklogPastTerm => t(
                "Termijn verstreken, nog geen ingebrekestelling",
                "Past term, no notice yet",
            ),
            Measure::BacklogNoticeSent => t(
                "Termijn verstreken, in gebreke gesteld",
                "Past term, notice of default sent",
            ),
            Measure::BacklogAppealPending => t(
                "Termijn verstreken, beroep niet tijdig beslissen aanhangig",
                "Past term, appeal for the late decision pending",
            ),
            Measure::BacklogCourtOrder => t(
                "Termijn verstreken, rechter heeft beslissen opgelegd",
                "Past term, court ordered a decision",
            ),
            Measure::BacklogOverdue => t(
                "Termijn verstreken, alle statussen samen",
                "Past term, all statuses together",
            ),
            Measure::NoticesSent => t("Ingebrekestellingen", "Notices of default"),
            Measure::AppealsFiled => t(
                "Beroepen niet tijdig beslissen",
                "Appeals for late decisions",
            ),
            Measure::CourtOrders => t("Uitspraken", "Court orders"),
            Measure::PenaltyStatutoryEur => t("Wettelijke dwangsom", "Statutory penalty"),
            Measure::PenaltyCourtEur => t("Dwangsom rechter", "Court penalty"),
            Measure::LegalCostsEur => t("Proceskosten", "Legal costs"),
            Measure::CostEur => t("Kosten", "Cost"),
            Measure::CostCumulativeEur => t("Kosten cumulatief", "Cumulative cost"),
            Measure::DecidedWithinTerm => t("Binnen de termijn beslist", "Decided within term"),
            Measure::DecidedAgeWeeks => {
                t("Leeftijd bij besluit (weken)", "Age at decision (weeks)")
            }
            Measure::ExpectedWaitWeeks => t("Verwachte wachttijd (weken)", "Expected wait (weeks)"),
            Measure::ExpectedWaitExtrapolated => t(
                "Aandeel nog niet beslist aan het eind (wachttijd geëxtrapoleerd)",
                "Share undecided at the end (wait extrapolated)",
            ),
            Measure::ProductiveFte => t("Productieve fte", "Productive FTE"),
            Measure::TraineeFte => t("Fte in opleiding", "FTE in training"),
            Measure::BacklogOver6Months => t("Langer dan 6 maanden open", "Open over 6 months"),
            Measure::BacklogOver15Months => t("Langer dan 15 maanden open", "Open over 15 months"),
            Measure::DecidedWithin15Months => {
                t("Binnen 15 maanden beslist", "Decided within 15 months")
            }
        }
    }

    pub(crate) fn total(self) -> Total {
        match self {
            Measure::DecidedAgeWeeks => Total::WeightedBy(Measure::Decisions),
            Measure::ExpectedWaitWeeks | Measure::ExpectedWaitExtrapolated => {
                Total::WeightedBy(Measure::Intake)
            }
            _ => Total::Sum,
        }
    }
}

/// One column: a measure for one stream, or for all streams (`None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Column {
    pub measure: Measure,
    pub stream: Option<Stream>,
}

impl Column {
    /// The all-streams column of `measure`.
    pub fn total(measure: Measure) -> Column {
        Column {
            measure,
            stream: None,
        }
    }

    /// The column of `measure` for `stream`.
    pub fn of(measure: Measure, stream: Stream) -> Column {
        Column {
            measure,
            stream: Some(stream),
        }
    }

    pub(crate) fn index(self) -> usize {
        self.measure as usize * SLOTS + self.stream.map_or(TOTAL_SLOT, Stream::index)
    }
}

/// How weekly values become monthly or yearly ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aggregate {
    /// For flows: intake, decisions, costs.
    Sum,
    /// For stocks: the backlog at the end of the period.
    Last,
    /// For rates and ages.
    Mean,
}

const SLOTS: usize = 5;
const TOTAL_SLOT: usize = 4;

/// The weekly series of one run.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    start: Date,
    weeks: usize,
    /// The first week in which the scenario's own levers apply (after
    /// "as it happened" before `from`); 0 when they apply from the start.
    pub(crate) join: usize,
    data: Vec<f64>,
}

impl Run {
    /// A run of `weeks` weeks from `start`, all zeros.
    #[cfg(test)]
    pub(crate) fn zeroed(start: Date, weeks: usize) -> Run {
        Run {
            start,
            weeks,
            join: 0,
            data: vec![0.0; weeks * SLOTS * Measure::ALL.len()],
        }
    }

    /// A run of `weeks` weeks from `start` with no columns yet: the
    /// simulation appends them in column order to [`Run::buffer`].
    pub(crate) fn empty(start: Date, weeks: usize) -> Run {
        Run {
            start,
            weeks,
            join: 0,
            data: Vec::with_capacity(weeks * SLOTS * Measure::ALL.len()),
        }
    }

    /// This run made a run of `weeks` weeks from `start` again, in the same
    /// buffer: with no columns if `columns` is false (to append them), else
    /// with every column there (zeros the first time, otherwise the last
    /// run's values), to write some of them in place.
    pub(crate) fn reset(&mut self, start: Date, weeks: usize, columns: bool) {
        self.start = start;
        self.weeks = weeks;
        self.join = 0;
        if columns {
            self.data.resize(weeks * SLOTS * Measure::ALL.len(), 0.0);
        } else {
            self.data.clear();
        }
    }

    /// The four stream columns of `m` (one after the other, in stream
    /// order) and its all-streams column.
    pub(crate) fn measure_mut(&mut self, m: Measure) -> (&mut [f64], &mut [f64]) {
        debug_assert_eq!(
            (TOTAL_SLOT, SLOTS),
            (Stream::ALL.len(), Stream::ALL.len() + 1)
        );
        let first = Column::of(m, Stream::ALL[0]).index() * self.weeks;
        let block = &mut self.data[first..first + SLOTS * self.weeks];
        block.split_at_mut(TOTAL_SLOT * self.weeks)
    }

    /// The columns' buffer, for the simulation to append to.
    pub(crate) fn buffer(&mut self) -> &mut Vec<f64> {
        &mut self.data
    }

    /// The first week in which the scenario's own levers apply: 0 when
    /// they apply from the start, else the first week from `from` on. The
    /// summary's figures count from it.
    pub fn join_week(&self) -> usize {
        self.join
    }

    /// The number of weeks.
    pub fn weeks(&self) -> usize {
        self.weeks
    }

    /// The first day of week `week` (a Monday for the default start).
    pub fn week_start(&self, week: usize) -> Date {
        self.start
            .add_days(i64::try_from(week).unwrap_or(i64::MAX).saturating_mul(7))
    }

    /// The weekly values of a column; `len() == weeks()`.
    pub fn series(&self, c: Column) -> &[f64] {
        let i = c.index() * self.weeks;
        &self.data[i..i + self.weeks]
    }

    pub(crate) fn series_mut(&mut self, c: Column) -> &mut [f64] {
        let i = c.index() * self.weeks;
        &mut self.data[i..i + self.weeks]
    }

    /// The all-streams column of `m`.
    pub fn total(&self, m: Measure) -> &[f64] {
        self.series(Column::total(m))
    }

    /// The total backlog at the end of each week.
    pub fn backlog(&self) -> &[f64] {
        self.total(Measure::Backlog)
    }

    /// Penalties and legal costs from the start through each week, euros.
    pub fn cost_cumulative(&self) -> &[f64] {
        self.total(Measure::CostCumulativeEur)
    }

    /// The column by calendar month, keyed by the month's first day. The
    /// months are those in which a week starts. A flow ([`Aggregate::Sum`])
    /// spreads each week over its seven days and counts each day in its own
    /// month, so that months of four and of five week starts compare (days
    /// past the last month count in it, so the months add up to the run);
    /// a stock or a rate takes the weeks that start in the month.
    #[must_use]
    pub fn monthly(&self, c: Column, agg: Aggregate) -> Vec<(Date, f64)> {
        self.monthly_of(self.series(c), agg)
    }

    /// [`Run::monthly`] for any weekly values of this run's weeks (a sum of
    /// columns, say).
    #[must_use]
    pub fn monthly_of(&self, values: &[f64], agg: Aggregate) -> Vec<(Date, f64)> {
        self.grouped(values, agg, Date::first_of_month)
    }

    /// The column by calendar year, as [`Run::monthly`] does months.
    #[must_use]
    pub fn yearly(&self, c: Column, agg: Aggregate) -> Vec<(i32, f64)> {
        self.grouped(self.series(c), agg, Date::year)
    }

    fn grouped<K: PartialOrd + Copy>(
        &self,
        values: &[f64],
        agg: Aggregate,
        key: impl Fn(Date) -> K,
    ) -> Vec<(K, f64)> {
        let values = &values[..values.len().min(self.weeks)];
        let mut out: Vec<(K, f64)> = Vec::new();
        for w in 0..values.len() {
            let k = key(self.week_start(w));
            if out.last().is_none_or(|(last, _)| *last != k) {
                out.push((k, 0.0));
            }
        }
        match agg {
            Aggregate::Sum => {
                let mut period = 0;
                for (w, &v) in values.iter().enumerate() {
                    let start = self.week_start(w);
                    for day in 0..7 {
                        let k = key(start.add_days(day));
                        while period + 1 < out.len() && out[period + 1].0 <= k {
                            period += 1;
                        }
                        out[period].1 += v / 7.0;
                    }
                }
            }
            Aggregate::Last | Aggregate::Mean => {
                let mut period = 0;
                let mut count = 0usize;
                for (w, &v) in values.iter().enumerate() {
                    if key(self.week_start(w)) != out[period].0 {
                        finish_mean(&mut out[period], agg, count);
                        period += 1;
                        count = 0;
                    }
                    count += 1;
                    match agg {
                        Aggregate::Last => out[period].1 = v,
                        _ => out[period].1 += v,
                    }
                }
                if let Some(last) = out.last_mut() {
                    finish_mean(last, agg, count);
                }
            }
        }
        out
    }

    /// The headline figures.
    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary::of(self)
    }
}

fn finish_mean<K>(period: &mut (K, f64), agg: Aggregate, count: usize) {
    if agg == Aggregate::Mean {
        period.1 /= count.max(1) as f64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_with_ramp() -> Run {
        let start = Date::from_ymd(2023, 5, 1).unwrap();
        let mut run = Run::zeroed(start, 10);
        for (w, v) in run
            .series_mut(Column::total(Measure::Intake))
            .iter_mut()
            .enumerate()
        {
            *v = w as f64;
        }
        run
    }

    #[test]
    fn columns_are_contiguous_and_distinct() {
        let run = run_with_ramp();
        assert_eq!(
            run.total(Measure::Intake),
            &[0., 1., 2., 3., 4., 5., 6., 7., 8., 9.]
        );
        assert!(
            run.series(Column::of(Measure::Intake, Stream::General))
                .iter()
                .all(|&v| v == 0.0)
        );
        assert_eq!(run.week_start(9).to_string(), "2023-07-03");
    }

    #[test]
    fn months_group_by_week_start() {
        let run = run_with_ramp();
        let c = Column::total(Measure::Intake);
        // May 2023 has weeks starting 1, 8, 15, 22, 29 May; June 5, 12, 19,
        // 26; July 3. The week of 29 May has three days in May, four in June;
        // that of 26 June five in June, two in July.
        let sum = run.monthly(c, Aggregate::Sum);
        assert_eq!(sum[0].0, Date::from_ymd(2023, 5, 1).unwrap());
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            close(sum[0].1, 0.0 + 1.0 + 2.0 + 3.0 + 4.0 * 3.0 / 7.0),
            "{sum:?}"
        );
        assert!(close(
            sum[1].1,
            4.0 * 4.0 / 7.0 + 5.0 + 6.0 + 7.0 + 8.0 * 5.0 / 7.0
        ));
        assert!(
            close(sum[2].1, 8.0 * 2.0 / 7.0 + 9.0),
            "the last days count in the last month"
        );
        assert!(close(sum.iter().map(|m| m.1).sum(), 45.0));
        assert_eq!(run.monthly(c, Aggregate::Last)[0].1, 4.0);
        assert_eq!(run.monthly(c, Aggregate::Mean)[1].1, 6.5);
        assert_eq!(run.yearly(c, Aggregate::Sum), vec![(2023, 45.0)]);
    }

    /// At a constant flow every month holds its own days: no four-and-five
    /// week sawtooth.
    #[test]
    fn a_constant_flow_gives_months_by_their_days() {
        let start = Date::from_ymd(2023, 5, 1).unwrap();
        let mut run = Run::zeroed(start, 52);
        run.series_mut(Column::total(Measure::Decisions)).fill(7.0);
        let months = run.monthly(Column::total(Measure::Decisions), Aggregate::Sum);
        for (first, v) in &months[..months.len() - 1] {
            let days = first.days_until(first.add_months(1)) as f64;
            assert!((v - days).abs() < 1e-9, "{first}: {v}");
        }
    }
}
