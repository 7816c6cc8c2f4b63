//! The published figures: `data/published.csv`, read at compile time and
//! parsed on first use. The parser is small and strict: a row that does not
//! parse, or lacks a source, is an error (and a failing test), never a row
//! silently left out.

use super::{Confidence, Period, Published, RecordMeasure, Scope};
use crate::date::Date;

/// The data file, as compiled in.
pub(crate) const PUBLISHED_CSV: &str = include_str!("../../data/published.csv");

/// The header the file must have.
const HEADER: &str = "measure,scope,period,value,source,confidence,note";

/// A row that cannot be read: its line number (from 1) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub reason: String,
}

/// Every row of `text` (lines starting with `#` and blank lines skipped).
pub(crate) fn parse(text: &'static str) -> Result<Vec<Published>, RowError> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let err = |reason: String| RowError {
            line: line_no,
            reason,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            if line != HEADER {
                return Err(err(format!("the header must be `{HEADER}`")));
            }
            header_seen = true;
            continue;
        }
        let fields = split_fields(line).map_err(err)?;
        let [measure, scope, period, value, source, confidence, note] = fields[..] else {
            return Err(err(format!("{} fields, not 7", fields.len())));
        };
        let measure = RecordMeasure::from_key(measure)
            .ok_or_else(|| err(format!("unknown measure `{measure}`")))?;
        let scope =
            Scope::from_key(scope).ok_or_else(|| err(format!("unknown scope `{scope}`")))?;
        let period =
            parse_period(period).ok_or_else(|| err(format!("unreadable period `{period}`")))?;
        if measure.is_stock() && period.from != period.to {
            return Err(err("a stock is counted on one day".to_string()));
        }
        let value: f64 = value
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v >= 0.0)
            .ok_or_else(|| err(format!("unreadable value `{value}`")))?;
        if source.trim().is_empty() {
            return Err(err("no source".to_string()));
        }
        let confidence = Confidence::from_key(confidence)
            .ok_or_else(|| err(format!("confidence `{confidence}` is not O, S or U")))?;
        rows.push(Published {
            measure,
            scope,
            period,
            value,
            source,
            confidence,
            note,
        });
    }
    if !header_seen {
        return Err(RowError {
            line: 0,
            reason: "no header".to_string(),
        });
    }
    Ok(rows)
}

/// The fields of one line: separated by commas; a field in double quotes may
/// hold commas, and `""` inside it is one quote.
fn split_fields(line: &'static str) -> Result<Vec<&'static str>, String> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted
                .find("\",")
                .or_else(|| quoted.ends_with('"').then(|| quoted.len() - 1))
                .ok_or_else(|| "an unclosed quote".to_string())?;
            let field = &quoted[..end];
            if field.contains('"') && !field.contains("\"\"") {
                return Err("a stray quote".to_string());
            }
            fields.push(field);
            rest = &quoted[end + 1..];
            match rest.strip_prefix(',') {
                Some(r) => rest = r,
                None => return Ok(fields),
            }
        } else {
            match rest.split_once(',') {
                Some((field, r)) => {
                    fields.push(field);
                    rest = r;
                }
                None => {
                    fields.push(rest);
                    return Ok(fields);
                }
            }
        }
    }
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or `FROM..TO` of those: from the first
/// day of `FROM` through the last day of `TO`.
pub(crate) fn parse_period(text: &str) -> Option<Period> {
    let (a, b) = text.split_once("..").unwrap_or((text, text));
    let from = span(a)?.0;
    let to = span(b)?.1;
    (from <= to).then_some(Period { from, to })
}

/// The first and last day of a year, month or day.
fn span(text: &str) -> Option<(Date, Date)> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = text.split('-').collect();
    match parts[..] {
        [y] if y.len() == 4 && digits(y) => {
            let year = y.parse().ok()?;
            Some((Date::from_ymd(year, 1, 1)?, Date::from_ymd(year, 12, 31)?))
        }
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => {
            let first = Date::from_ymd(y.parse().ok()?, m.parse().ok()?, 1)?;
            Some((first, first.add_months(1).add_days(-1)))
        }
        [_, _, _] => {
            let day: Date = text.parse().ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "measure,scope,period,value,source,confidence,note\n";

    fn one(row: &'static str) -> Result<Vec<Published>, RowError> {
        parse(Box::leak(format!("{GOOD}{row}\n").into_boxed_str()))
    }

    #[test]
    fn the_data_file_parses() {
        let rows = parse(PUBLISHED_CSV).expect("published.csv");
        assert!(rows.len() >= 30, "{}", rows.len());
        for r in &rows {
            assert!(!r.source.trim().is_empty());
        }
    }

    #[test]
    fn reads_quoted_fields_and_periods() {
        let rows =
            one("penalties_eur,all,2023-01..2023-08,5100000,\"ind.nl, annual figures\",O,\"a, b\"")
                .unwrap();
        assert_eq!(rows[0].source, "ind.nl, annual figures");
        assert_eq!(rows[0].note, "a, b");
        assert_eq!(rows[0].period.from.to_string(), "2023-01-01");
        assert_eq!(rows[0].period.to.to_string(), "2023-08-31");
        let p = parse_period("2024").unwrap();
        assert_eq!(
            (p.from.to_string(), p.to.to_string()),
            ("2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(
            parse_period("2024-02").unwrap().to.to_string(),
            "2024-02-29"
        );
        assert!(parse_period("2024-13").is_none());
        assert!(parse_period("2024..2023").is_none());
    }

    #[test]
    fn rejects_malformed_rows_and_rows_without_a_source() {
        for bad in [
            "backlog,asylum,2023-12-31,50000,,S,",
            "backlog,asylum,2023-12-31,50000,\" \",S,",
            "backlog,asylum,2023-12-31,lots,IND,S,",
            "backlog,asylum,2023-12-31,50000,IND,X,",
            "backlog,asylum,2023-12-31,50000,IND,S",
            "backlog,somewhere,2023-12-31,50000,IND,S,",
            "stock,asylum,2023-12-31,50000,IND,S,",
            "backlog,asylum,2023,50000,IND,S,",
            "backlog,asylum,31-12-2023,50000,IND,S,",
            "backlog,asylum,2023-12-31,-5,IND,S,",
            "backlog,asylum,2023-12-31,50000,\"IND,S,",
        ] {
            assert!(one(bad).is_err(), "{bad}");
        }
        assert!(parse("backlog,asylum\n").is_err(), "no header");
    }
}
