//! The page's query string: the scenario's own keys (owned by the model's
//! `Scenario::to_query` / `from_query`) plus two keys of the page itself.
//!
//! - `lang=en` when the page is in English (Dutch is the default and is not
//!   written, so a Dutch link stays short).
//! - `base=<query>` when a scenario is pinned as the baseline: the pinned
//!   scenario's own `to_query()`, percent-encoded into one value, so the
//!   baseline travels in the link with the same format, versioning and
//!   migration as the scenario itself. Without `base` the baseline is the
//!   default scenario.
//!
//! Pure string work, tested natively; the browser side is in `location.rs`.

use doorstroom_model::Lang;

pub const LANG_KEY: &str = "lang";
pub const BASE_KEY: &str = "base";

/// A query taken apart into what the model reads and what the page reads.
#[derive(Debug, Clone, PartialEq)]
pub struct PageQuery {
    /// The remaining pairs, as they were, for `Scenario::from_query`.
    pub scenario: String,
    /// The pinned baseline's query, decoded, if any.
    pub base: Option<String>,
    pub lang: Lang,
}

/// Splits a query (with or without its leading `?`) into the scenario's
/// pairs and the page's own keys. Unknown `lang` values fall back to Dutch.
pub fn split(query: &str) -> PageQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut scenario = Vec::new();
    let mut base = None;
    let mut lang = Lang::Nl;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            LANG_KEY => {
                lang = if value.eq_ignore_ascii_case("en") {
                    Lang::En
                } else {
                    Lang::Nl
                }
            }
            BASE_KEY => base = Some(decode(value)),
            _ => scenario.push(pair),
        }
    }
    PageQuery {
        scenario: scenario.join("&"),
        base,
        lang,
    }
}

/// Builds the query (without `?`) for a scenario query, an optional pinned
/// baseline query and the language.
pub fn join(scenario: &str, base: Option<&str>, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !scenario.is_empty() {
        parts.push(scenario.to_owned());
    }
    if let Some(base) = base {
        parts.push(format!("{BASE_KEY}={}", encode(base)));
    }
    if lang == Lang::En {
        parts.push(format!("{LANG_KEY}=en"));
    }
    parts.join("&")
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so `&`
/// and `=` of the nested query cannot be read as the outer query's.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3 / 2);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Undoes `encode` (and any other percent-encoding); a malformed escape is
/// kept as it was, so the model sees it and warns about it.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(value) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(value);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_page_keys_from_scenario_keys() {
        let q = split("?intake=77000&lang=en&fte=600");
        assert_eq!(q.scenario, "intake=77000&fte=600");
        assert_eq!(q.lang, Lang::En);
        assert_eq!(q.base, None);
    }

    #[test]
    fn dutch_is_the_default_and_garbage_is_dutch() {
        assert_eq!(split("").lang, Lang::Nl);
        assert_eq!(split("lang=xx").lang, Lang::Nl);
    }

    #[test]
    fn base_round_trips() {
        let base = "v=1&intake=49000&ext_until=2024-01-01";
        let q = join("v=1&fte=700", Some(base), Lang::En);
        assert!(!q.contains("base=v=1"), "nested query must be encoded: {q}");
        let back = split(&q);
        assert_eq!(back.base.as_deref(), Some(base));
        assert_eq!(back.scenario, "v=1&fte=700");
        assert_eq!(back.lang, Lang::En);
    }

    #[test]
    fn dutch_writes_no_lang_key() {
        assert_eq!(join("v=1", None, Lang::Nl), "v=1");
    }

    #[test]
    fn malformed_escapes_survive() {
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("a%zz"), "a%zz");
        assert_eq!(decode("%26%3D"), "&=");
    }
}
