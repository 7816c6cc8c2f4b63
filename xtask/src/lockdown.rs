//! The release build's lock-down, applied to the built `dist/index.html`
//! (`page.rs`):
//!
//! - the wasm is fetched with its subresource-integrity hash, so a changed
//!   wasm is refused (the hash on its `preload` link is not used by the
//!   loader's own `fetch`);
//! - the one inline module script moves to the end of `<head>`, after the
//!   `modulepreload` link that carries the JS's integrity hash, so the
//!   browser fetches (and checks) the JS through that link before the script
//!   imports it;
//! - a Content-Security-Policy `<meta>` opens `<head>`: only the page's own
//!   origin, `'wasm-unsafe-eval'` to compile the wasm, and the hash of that
//!   inline script (known only now, after the build), no `unsafe-inline`,
//!   no `eval`;
//! - `embed.html`, the page that shows one chart in an article's frame, is
//!   the locked-down `index.html` itself (the same wasm, hashes and policy;
//!   the app shows the embed view by the file's name);
//! - `_headers` (the format Netlify and Cloudflare Pages read) holds the
//!   headers a host should send: the same policy, `X-Content-Type-Options`
//!   and `Referrer-Policy` for every file, and for the page's own documents
//!   `frame-ancestors 'none'`, which a `<meta>` cannot carry: every page
//!   but `embed.html` refuses to be framed.

use std::fs;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use crate::{Error, Result};

/// The policy for everything the page loads, but the hash of its inline
/// script. Every directive without its own entry falls back to
/// `default-src`: the page's own origin.
///
/// Trusted Types (`require-trusted-types-for 'script'`) would be the next
/// step, but Leptos clones its compiled view templates from HTML strings of
/// its own (never from the link), which that directive refuses.
const POLICY: [&str; 4] = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
];

/// What only a header can say: no other site may frame the page.
const FRAME_ANCESTORS: &str = "frame-ancestors 'none'";

/// The documents that refuse to be framed: the page as a folder's index,
/// by its name, and the single file. `embed.html` is left out, the one
/// page any site may frame.
///
/// Hosts combine the rules that match a path differently: Netlify takes
/// the last rule's value of a header, Cloudflare Pages sends every rule's
/// value, comma-joined (for a policy: two policies, both enforced). So the
/// rule for every file carries the policy without `frame-ancestors`, and
/// each of these documents carries it again with it: under either reading
/// these refuse framing and `embed.html` is framed under the same policy.
pub const UNFRAMABLE: [&str; 3] = ["/", "/index.html", "/doorstroom.html"];

/// The embed page's file, a copy of the locked-down `index.html`.
pub const EMBED: &str = "embed.html";

/// The headers besides the policy, with why.
const OTHER_HEADERS: [(&str, &str); 2] = [
    // Files are what their Content-Type says (the wasm must be
    // application/wasm anyway), never sniffed into something else.
    ("X-Content-Type-Options", "nosniff"),
    // A scenario link is the reader's own business: it is not passed on to
    // any site the page might link to.
    ("Referrer-Policy", "no-referrer"),
];

/// Locks down `dist/index.html`, writes it as `dist/embed.html` too, and
/// writes `dist/_headers`.
pub fn apply(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index)?;
    let locked = lock_down(&html)?;
    fs::write(&index, &locked.html)?;
    fs::write(dist.join(EMBED), &locked.html)?;
    fs::write(dist.join("_headers"), headers_file(&locked.policy))?;
    Ok(())
}

/// The page after the lock-down, and the policy it carries (without the
/// directives only a header can hold).
#[derive(Debug)]
struct Locked {
    html: String,
    policy: String,
}

fn lock_down(html: &str) -> Result<Locked> {
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err(Error::new("dist/index.html is locked down already"));
    }
    let script = InlineScript::find(html)?;
    let wasm = preload_link(html, "preload", "_bg.wasm")?;
    // The JS needs no change, only its hash on its modulepreload link.
    preload_link(html, "modulepreload", ".js")?;

    let quoted = format!("'{}'", wasm.href);
    let body = script.body(html);
    if body.matches(&quoted).count() != 1 {
        return Err(Error::new(format!(
            "dist/index.html: the inline script does not load {quoted} once; \
             has the loader (page.rs) changed?"
        )));
    }
    let checked_fetch = format!(
        "fetch('{}', {{ integrity: '{}' }})",
        wasm.href, wasm.integrity
    );
    let body = body.replacen(&quoted, &checked_fetch, 1);

    let policy = policy(&script_hash(&body));
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">");
    let script_tag = format!("<script type=\"module\">{body}</script>\n  ");

    let mut out = String::with_capacity(html.len() + meta.len() + 200);
    let charset = html
        .find("<meta charset=\"utf-8\">")
        .map(|at| at + "<meta charset=\"utf-8\">".len())
        .ok_or_else(|| Error::new("dist/index.html has no <meta charset=\"utf-8\">"))?;
    let head_end = html
        .find("</head>")
        .ok_or_else(|| Error::new("dist/index.html has no </head>"))?;
    if !(charset < script.start && script.end < head_end) {
        return Err(Error::new(
            "dist/index.html: the inline script is not in <head> after the charset",
        ));
    }
    out.push_str(&html[..charset]);
    out.push_str(&meta);
    out.push_str(&html[charset..script.start]);
    out.push_str(&html[script.end..head_end]);
    out.push_str(&script_tag);
    out.push_str(&html[head_end..]);
    Ok(Locked { html: out, policy })
}

/// The page's policy, with the inline script's hash.
fn policy(script_hash: &str) -> String {
    let script_src = format!("script-src 'self' 'wasm-unsafe-eval' '{script_hash}'");
    let mut directives = vec![POLICY[0], &script_src];
    directives.extend(&POLICY[1..]);
    directives.join("; ")
}

/// `sha256-…` of a script's text, as CSP names it.
fn script_hash(body: &str) -> String {
    format!("sha256-{}", BASE64.encode(Sha256::digest(body.as_bytes())))
}

fn headers_file(policy: &str) -> String {
    let mut text = String::from(
        "# The headers a static host should send with Doorstroom (written by\n\
         # `cargo xtask dist`; Netlify and Cloudflare Pages read this file).\n\
         # Every page refuses to be framed but embed.html, one chart for an\n\
         # article, which any site may frame.\n/*\n",
    );
    text.push_str(&format!("  Content-Security-Policy: {policy}\n"));
    for (name, value) in OTHER_HEADERS {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    for path in UNFRAMABLE {
        text.push_str(&format!(
            "{path}\n  Content-Security-Policy: {policy}; {FRAME_ANCESTORS}\n"
        ));
    }
    text
}

/// Where the one inline `<script type="module">` lies in the page.
struct InlineScript {
    /// From `<script` to the end of `</script>`.
    start: usize,
    end: usize,
    body_start: usize,
    body_end: usize,
}

impl InlineScript {
    fn find(html: &str) -> Result<InlineScript> {
        const OPEN: &str = "<script type=\"module\">";
        const CLOSE: &str = "</script>";
        let mut found = html.match_indices(OPEN).map(|(start, _)| start);
        let (Some(start), None) = (found.next(), found.next()) else {
            return Err(Error::new(
                "dist/index.html must have exactly one inline <script type=\"module\">",
            ));
        };
        let body_start = start + OPEN.len();
        let body_end = html[body_start..]
            .find(CLOSE)
            .map(|at| body_start + at)
            .ok_or_else(|| Error::new("dist/index.html: an unclosed <script>"))?;
        if html.matches("<script").count() != 1 {
            return Err(Error::new(
                "dist/index.html has another script besides the page's loader",
            ));
        }
        Ok(InlineScript {
            start,
            end: body_end + CLOSE.len(),
            body_start,
            body_end,
        })
    }

    fn body<'a>(&self, html: &'a str) -> &'a str {
        &html[self.body_start..self.body_end]
    }
}

/// A preload link the build wrote, with its integrity hash.
struct Preload {
    href: String,
    integrity: String,
}

/// The `<link rel="{rel}">` whose `href` ends in `suffix`, which must carry
/// an integrity hash.
fn preload_link(html: &str, rel: &str, suffix: &str) -> Result<Preload> {
    let links = html
        .match_indices("<link ")
        .filter_map(|(start, _)| html[start..].find('>').map(|end| &html[start..start + end]));
    for link in links {
        if attribute(link, "rel") != Some(rel) {
            continue;
        }
        let Some(href) = attribute(link, "href").filter(|href| href.ends_with(suffix)) else {
            continue;
        };
        let integrity = attribute(link, "integrity")
            .filter(|value| value.starts_with("sha"))
            .ok_or_else(|| {
                Error::new(format!(
                    "dist/index.html: {href} has no integrity hash; \
                     the build (page.rs) must write one"
                ))
            })?;
        return Ok(Preload {
            href: href.to_owned(),
            integrity: integrity.to_owned(),
        });
    }
    Err(Error::new(format!(
        "dist/index.html has no <link rel=\"{rel}\"> for its *{suffix}"
    )))
}

/// The value of `name="…"` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page;

    /// The page as the build writes it (`page.rs`), before the lock-down.
    fn built() -> String {
        let template = "<!DOCTYPE html><html lang=\"nl\"><head>\n    <meta charset=\"utf-8\">\n    \
                        <title>Doorstroom</title>\n    <link rel=\"stylesheet\" href=\"style/main.css\">\n  \
                        </head>\n  <body></body></html>";
        let app = page::App {
            glue: page::Asset {
                name: "doorstroom-2.js".to_owned(),
                integrity: "sha384-js".to_owned(),
            },
            wasm: page::Asset {
                name: "doorstroom-2_bg.wasm".to_owned(),
                integrity: "sha384-wasm".to_owned(),
            },
        };
        page::render(template, &app, |_| {
            Ok(page::Asset {
                name: "main-1.css".to_owned(),
                integrity: "sha384-css".to_owned(),
            })
        })
        .unwrap()
    }

    #[test]
    fn the_wasm_is_fetched_with_its_hash() {
        let locked = lock_down(&built()).unwrap();
        assert!(
            locked.html.contains(
                "init({ module_or_path: fetch('./doorstroom-2_bg.wasm', { integrity: 'sha384-wasm' }) })"
            ),
            "{}",
            locked.html
        );
    }

    #[test]
    fn the_policy_opens_the_head_and_hashes_the_script_as_shipped() {
        let locked = lock_down(&built()).unwrap();
        let html = &locked.html;
        let meta = html
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .unwrap();
        assert!(meta < html.find("<title>").unwrap());
        let script = InlineScript::find(html).unwrap();
        let hash = script_hash(script.body(html));
        assert!(locked.policy.contains(&format!("'{hash}'")), "{locked:?}");
        assert!(html.contains(&locked.policy));
        assert!(locked.policy.contains("'wasm-unsafe-eval'"));
        assert!(!locked.policy.contains("unsafe-inline"));
        assert!(!locked.policy.contains("'unsafe-eval'"));
        // Locking down twice is refused rather than hashing a stale script.
        assert!(lock_down(html).is_err());
    }

    #[test]
    fn the_script_follows_the_preload_links() {
        let html = lock_down(&built()).unwrap().html;
        let script = html.find("<script").unwrap();
        assert!(html.find("rel=\"modulepreload\"").unwrap() < script);
        assert!(script < html.find("</head>").unwrap());
    }

    #[test]
    fn the_known_hash_of_a_known_script() {
        // The example of the CSP specification: alert('Hello, world.');
        assert_eq!(
            script_hash("alert('Hello, world.');"),
            "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }

    #[test]
    fn a_build_without_integrity_is_refused() {
        let bare = built().replace(" integrity=\"sha384-wasm\"", "");
        let error = lock_down(&bare).unwrap_err().to_string();
        assert!(error.contains("integrity"), "{error}");
    }

    #[test]
    fn the_headers_add_what_a_meta_cannot_say() {
        let text = headers_file("default-src 'self'");
        assert!(text.contains("/*\n  Content-Security-Policy: default-src 'self'\n"));
        for path in ["/", "/index.html", "/doorstroom.html"] {
            assert!(text.contains(&format!(
                "\n{path}\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n"
            )));
        }
        assert!(
            !text.lines().any(|l| l.starts_with("/embed")),
            "the embed page has no rule of its own: {text}"
        );
        assert!(text.contains("  X-Content-Type-Options: nosniff\n"));
        assert!(text.contains("  Referrer-Policy: no-referrer\n"));
    }
}
