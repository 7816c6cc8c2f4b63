//! The run as a spreadsheet file in the reader's language: every measure,
//! in total and by stream, weekly or monthly, after a few `#` lines that say
//! what the file is (the scenario's link and caption, its baseline, the
//! model version, the date of the export).
//!
//! The layout, for readers and for programs:
//!
//! - the file starts with a UTF-8 byte order mark, so that spreadsheets
//!   read `€` and `ë` right when the file is opened by double-click;
//! - then lines starting with `#`: what the file is (most CSV readers skip
//!   them as comments: `comment = '#'`);
//! - then two header rows: the columns' names in the file's language, and
//!   their keys, the same in every language (`intake`, `intake_t1`, …;
//!   a stream's column ends in the stream's key);
//! - then one row per week (`week_start`, the Monday, `YYYY-MM-DD`) or per
//!   month (`month`, its first day), in the language's [`Notation`].
//!
//! Other columns are added to [`run_columns`] (or written through a
//! [`Sheet`] of their own): the file's writer does not know the measures.

use super::cell::Notation;
use crate::date::Date;
use crate::run::{Column, Measure, Run};
use crate::stream::Stream;
use crate::text::{Lang, Text, t};

/// Weekly or monthly rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Weekly,
    Monthly,
}

impl Period {
    pub fn key(self) -> &'static str {
        match self {
            Period::Weekly => "weekly",
            Period::Monthly => "monthly",
        }
    }

    fn first_column(self) -> (Text, &'static str) {
        match self {
            Period::Weekly => (t("Week (maandag)", "Week (Monday)"), "week_start"),
            Period::Monthly => (t("Maand", "Month"), "month"),
        }
    }
}

/// What a file says about itself in its first lines.
#[derive(Clone, Debug, PartialEq)]
pub struct About {
    /// What the file holds, as its first line says it ("Doorstroom: …").
    pub what: String,
    /// The scenario's title, or the levers that differ from the default.
    pub caption: String,
    /// The link that opens the scenario (and its baseline) on the page.
    pub link: String,
    /// The baseline the scenario is compared with, in words (`None`: the
    /// scenario is its own baseline).
    pub baseline: Option<String>,
    pub exported: Date,
}

/// One cell of a [`Sheet::row`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    /// Text: quoted, never a formula.
    Text(&'a str),
    /// A number with at most this many decimals.
    Number(f64, usize),
    Date(Date),
}

/// A spreadsheet file being written: comment lines, header rows, rows.
pub struct Sheet {
    notation: Notation,
    out: String,
}

impl Sheet {
    /// A file in `lang`'s notation that starts by saying what it is.
    pub fn new(lang: Lang, about: &About) -> Sheet {
        let mut sheet = Sheet {
            notation: Notation::of(lang),
            out: String::from('\u{feff}'),
        };
        let none = t(
            "geen: het scenario is zijn eigen basislijn",
            "none: the scenario is its own baseline",
        );
        let lines = [
            (None, about.what.clone()),
            (Some(t("Scenario", "Scenario")), about.caption.clone()),
            (Some(t("Link", "Link")), about.link.clone()),
            (
                Some(t("Basislijn", "Baseline")),
                about
                    .baseline
                    .clone()
                    .unwrap_or_else(|| none.get(lang).to_owned()),
            ),
            (
                Some(t("Modelversie", "Model version")),
                crate::VERSION.to_owned(),
            ),
            (
                Some(t("Geëxporteerd op", "Exported on")),
                about.exported.to_string(),
            ),
            (
                None,
                t(
                    "Rij 1: kolomnamen; rij 2: sleutels, in elke taal gelijk; daarna de cijfers van het model.",
                    "Row 1: column names; row 2: keys, the same in every language; then the model's figures.",
                )
                .get(lang)
                .to_owned(),
            ),
        ];
        for (label, text) in lines {
            sheet.comment(label.map(|l| l.get(lang)), &text);
        }
        sheet
    }

    /// A sheet without comment lines in `notation` (a table copied to the clipboard).
    pub fn bare(notation: Notation) -> Sheet {
        Sheet {
            notation,
            out: String::new(),
        }
    }

    /// A line that says what the file is: `#`, the label (the file's own
    /// words, never the reader's) and then the text as a cell of its own,
    /// so that a reader skipping `#` lines skips it and a spreadsheet shows
    /// it as text, never as a formula or as more cells.
    fn comment(&mut self, label: Option<&str>, text: &str) {
        debug_assert!(label.is_none_or(|l| !l.contains([self.notation.separator, '"', '\n'])));
        self.out.push('#');
        if let Some(label) = label {
            self.out.push(' ');
            self.out.push_str(label);
            self.out.push(':');
        }
        self.out.push(self.notation.separator);
        self.out.push_str(&self.notation.text(text));
        self.out.push('\n');
    }

    /// A row of text cells.
    pub fn text_row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        let notation = self.notation;
        self.line(cells.into_iter().map(|c| notation.text(c)));
    }

    /// A row: a day, then numbers with at most `decimals` decimals.
    pub fn number_row(
        &mut self,
        first: Date,
        values: impl IntoIterator<Item = f64>,
        decimals: usize,
    ) {
        let notation = self.notation;
        let first = notation.date(first);
        self.line(
            std::iter::once(first).chain(values.into_iter().map(|v| notation.number(v, decimals))),
        );
    }

    /// A row of cells of any kind.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = Cell<'a>>) {
        let notation = self.notation;
        self.line(cells.into_iter().map(|c| match c {
            Cell::Text(s) => notation.text(s),
            Cell::Number(v, decimals) => notation.number(v, decimals),
            Cell::Date(d) => notation.date(d),
        }));
    }

    fn line(&mut self, cells: impl Iterator<Item = String>) {
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                self.out.push(self.notation.separator);
            }
            self.out.push_str(&cell);
        }
        self.out.push('\n');
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// The columns of the run's file: every measure, in total and then for
/// each stream.
pub fn run_columns() -> Vec<Column> {
    Measure::ALL
        .iter()
        .flat_map(|&m| {
            std::iter::once(Column::total(m))
                .chain(Stream::ALL.iter().map(move |&s| Column::of(m, s)))
        })
        .collect()
}

/// A column's name in `lang`: the measure's, with the stream's after it.
pub fn column_name(c: Column, lang: Lang) -> String {
    match c.stream {
        None => format!(
            "{}, {}",
            c.measure.label(lang),
            t("totaal", "total").get(lang)
        ),
        Some(s) => format!("{}, {}", c.measure.label(lang), s.label(lang)),
    }
}

/// A column's key: the measure's, with the stream's after it.
pub fn column_key(c: Column) -> String {
    match c.stream {
        None => c.measure.key().to_owned(),
        Some(s) => format!("{}_{}", c.measure.key(), s.key()),
    }
}

impl Run {
    /// The run as a spreadsheet file in `lang` (see the module's doc).
    #[must_use]
    pub fn to_sheet(&self, period: Period, lang: Lang, about: &About) -> String {
        let columns = run_columns();
        let mut sheet = Sheet::new(lang, about);
        let (name, key) = period.first_column();
        // A month's stocks are those at the end of its last week: the
        // second column says which day that is.
        let (stocks_name, stocks_key) = (
            t(
                "Voorraden op (einde laatste week van de maand)",
                "Stocks on (end of the month's last week)",
            ),
            "stocks_on",
        );
        let monthly = period == Period::Monthly;
        let names: Vec<String> = columns.iter().map(|&c| column_name(c, lang)).collect();
        let keys: Vec<String> = columns.iter().map(|&c| column_key(c)).collect();
        let second = |name: &'static str| monthly.then_some(name);
        sheet.text_row(
            std::iter::once(name.get(lang))
                .chain(second(stocks_name.get(lang)))
                .chain(names.iter().map(String::as_str)),
        );
        sheet.text_row(
            std::iter::once(key)
                .chain(second(stocks_key))
                .chain(keys.iter().map(String::as_str)),
        );
        match period {
            Period::Weekly => {
                for w in 0..self.weeks() {
                    let values = columns.iter().map(|&c| self.series(c)[w]);
                    sheet.number_row(self.week_start(w), values, 2);
                }
            }
            Period::Monthly => {
                let monthly: Vec<Vec<(Date, f64)>> = columns
                    .iter()
                    .map(|&c| self.monthly(c, c.measure.aggregate()))
                    .collect();
                let months = monthly.first().map_or(0, Vec::len);
                for i in 0..months {
                    let month = monthly[0][i].0;
                    let last_week = (0..self.weeks())
                        .rev()
                        .find(|&w| self.week_start(w).first_of_month() == month);
                    let stocks_on = last_week.map(|w| self.week_start(w).add_days(6));
                    let values = monthly.iter().map(|m| Cell::Number(m[i].1, 2));
                    sheet.row(
                        [Cell::Date(month)]
                            .into_iter()
                            .chain(stocks_on.map(Cell::Date))
                            .chain(values),
                    );
                }
            }
        }
        sheet.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scenario;

    fn about() -> About {
        About {
            what: "Doorstroom: test".into(),
            caption: "instroom 70.000; capaciteit".into(),
            link: "https://example.invalid/?v=1&intake=70000".into(),
            baseline: None,
            exported: Date::from_ymd(2026, 12, 1).unwrap(),
        }
    }

    fn read(text: &str, separator: u8) -> (Vec<String>, Vec<csv::StringRecord>) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(separator)
            .comment(Some(b'#'))
            .has_headers(false)
            .flexible(false)
            .from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        // A comment line read as a spreadsheet reads it, its cells joined
        // by a space: "# Scenario: …".
        let comments = text
            .trim_start_matches('\u{feff}')
            .lines()
            .take_while(|l| l.starts_with('#'))
            .map(|l| {
                let mut cells = csv::ReaderBuilder::new()
                    .delimiter(separator)
                    .has_headers(false)
                    .from_reader(l.as_bytes());
                let record = cells.records().next().unwrap().unwrap();
                assert_eq!(record.len(), 2, "{l}");
                record.iter().collect::<Vec<_>>().join(" ")
            })
            .collect();
        (comments, records)
    }

    fn number(cell: &str, decimal: char) -> f64 {
        cell.replace(decimal, ".").parse().unwrap()
    }

    #[test]
    fn dutch_weekly_file_reads_back_with_semicolons_and_decimal_commas() {
        let run = Scenario::default().run();
        let text = run.to_sheet(Period::Weekly, Lang::Nl, &about());
        assert!(text.starts_with("\u{feff}#;\"Doorstroom: test\"\n"));
        let (comments, records) = read(&text, b';');
        assert!(comments.contains(&"# Scenario: instroom 70.000; capaciteit".to_owned()));
        assert!(comments.iter().any(|c| c.starts_with("# Modelversie: ")));
        assert!(
            comments
                .iter()
                .any(|c| c == "# Geëxporteerd op: 2026-12-01")
        );
        assert!(comments.iter().any(|c| c.starts_with("# Basislijn: geen")));
        let names = &records[0];
        let keys = &records[1];
        assert_eq!(names.get(0), Some("Week (maandag)"));
        assert_eq!(keys.get(0), Some("week_start"));
        assert_eq!(keys.len(), 1 + Measure::ALL.len() * 5);
        let past = keys.iter().position(|k| k == "backlog_past_term").unwrap();
        assert_eq!(
            names.get(past),
            Some("Termijn verstreken, nog geen ingebrekestelling, totaal")
        );
        assert_eq!(records.len(), 2 + run.weeks());
        let first = &records[2];
        assert_eq!(first.get(0), Some("2023-05-01"));
        for (i, key) in keys.iter().enumerate().skip(1) {
            let c = run_columns()[i - 1];
            assert_eq!(key, column_key(c));
            let expected = run.series(c)[0];
            let read = number(&first[i], ',');
            assert!(
                (read - expected).abs() <= 0.005,
                "{key}: {read} vs {expected}"
            );
        }
        // Some figure has decimals, and they are written with a comma.
        assert!(
            records[2..]
                .iter()
                .any(|r| r.iter().skip(1).any(|c| c.contains(',')))
        );
        assert!(
            !records[2..]
                .iter()
                .any(|r| r.iter().any(|c| c.contains('.')))
        );
    }

    #[test]
    fn english_monthly_file_reads_back_with_commas_and_points() {
        let run = Scenario::default().run();
        let text = run.to_sheet(Period::Monthly, Lang::En, &about());
        let (comments, records) = read(&text, b',');
        assert!(comments.iter().any(|c| c.starts_with("# Model version: ")));
        assert_eq!(records[0].get(0), Some("Month"));
        assert_eq!(records[1].get(0), Some("month"));
        // Each month says the day of its stocks: the end of its last week.
        assert_eq!(records[1].get(1), Some("stocks_on"));
        assert_eq!(records[2].get(0), Some("2023-05-01"));
        assert_eq!(records[2].get(1), Some("2023-06-04"));
        let keys = &records[1];
        let intake = keys.iter().position(|k| k == "intake").unwrap();
        let backlog = keys.iter().position(|k| k == "backlog").unwrap();
        let months = run.monthly(Column::total(Measure::Intake), Measure::Intake.aggregate());
        assert_eq!(records.len(), 2 + months.len());
        let stocks = run.monthly(
            Column::total(Measure::Backlog),
            Measure::Backlog.aggregate(),
        );
        for (i, record) in records[2..].iter().enumerate() {
            assert_eq!(record.get(0).unwrap(), months[i].0.to_string());
            assert!((number(&record[intake], '.') - months[i].1).abs() <= 0.005);
            assert!((number(&record[backlog], '.') - stocks[i].1).abs() <= 0.005);
        }
        assert!(
            !records[2..]
                .iter()
                .any(|r| r.iter().skip(1).any(|c| c.contains(',')))
        );
    }

    #[test]
    fn the_streams_add_up_to_the_total() {
        let run = Scenario::default().run();
        let text = run.to_sheet(Period::Weekly, Lang::En, &about());
        let (_, records) = read(&text, b',');
        let keys = &records[1];
        let at = |k: &str| keys.iter().position(|x| x == k).unwrap();
        let row = &records[40];
        let streams: f64 = Stream::ALL
            .iter()
            .map(|s| number(&row[at(&format!("backlog_{}", s.key()))], '.'))
            .sum();
        assert_eq!(streams, number(&row[at("backlog")], '.'));
    }

    /// A title with each hostile class: the separator, a quote, a formula,
    /// a line separator, a reordering mark, a noncharacter.
    const HOSTILE: &str = "=HYPERLINK(\"x\");+cmd|' /C calc'!A0,\u{2028}\u{202E}evil\u{FFFE}\n@x";

    #[test]
    fn a_hostile_title_stays_in_its_cell_and_runs_nothing() {
        let run = Scenario::default().run();
        let about = About {
            what: format!("Doorstroom: {HOSTILE}"),
            caption: HOSTILE.into(),
            baseline: Some(format!("-{HOSTILE}")),
            ..about()
        };
        for (lang, separator) in [(Lang::Nl, b';'), (Lang::En, b',')] {
            let text = run.to_sheet(Period::Monthly, lang, &about);
            // Read as a spreadsheet reads it: no comments skipped.
            let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
                .delimiter(separator)
                .has_headers(false)
                .flexible(true)
                .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
                .records()
                .map(Result::unwrap)
                .collect();
            let lines = text.lines().count();
            assert_eq!(rows.len(), lines, "one row per line");
            for cell in rows.iter().flat_map(|r| r.iter()) {
                let number = cell.replace(',', ".").parse::<f64>().is_ok();
                assert!(
                    number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
                assert!(
                    !cell.contains(['\u{202E}', '\u{2028}', '\u{FFFE}', '\n']),
                    "{cell:?}"
                );
            }
            let (comments, _) = read(&text, separator);
            assert!(
                comments
                    .iter()
                    .any(|c| c.starts_with("# Scenario: '=HYPERLINK(\"x\");"))
            );
        }
    }

    #[test]
    fn a_bare_sheet_has_no_comment_lines() {
        let mut sheet = Sheet::bare(Notation {
            separator: '\t',
            decimal: ',',
        });
        sheet.text_row(["Maand", "Voorraad"]);
        sheet.number_row(Date::from_ymd(2023, 5, 1).unwrap(), [1.5], 1);
        assert_eq!(sheet.finish(), "\"Maand\"\t\"Voorraad\"\n2023-05-01\t1,5\n");
    }
}
