//! `cargo xtask dist --single-file`: the whole page in one HTML file
//! (`dist/doorstroom.html`), for a USB stick in a briefing room: opened
//! from disk with a double click, with no server and no network.
//!
//! A browser will not load a module script or fetch a wasm file from a
//! `file://` page, so nothing may stay outside: Trunk's page is taken
//! apart and put together again with the style sheets in `<style>`, the
//! wasm-bindgen glue in the page's one module script, the wasm in it as
//! base64 (handed to the glue's init as bytes, so nothing is fetched), and
//! the icon as a data URL. The preload hints go: there is nothing to load,
//! and so does the served page's Content-Security-Policy, which names the
//! loader this file replaces.
//!
//! The bands' Web Worker is a wasm of its own (`bands_worker.js` and
//! `bands_worker_bg.wasm` beside the page). A worker cannot be loaded from
//! disk either, so its glue and its wasm (as base64) go into the page as
//! the text of an element that is never run (`<script type="text/plain"
//! id="bands-worker-source">`); the page starts its workers from a blob
//! URL of that text (`src/bands.rs`), which a page opened from disk may.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::{Error, Result};

/// The single file's name in `dist/`.
pub const FILE: &str = "doorstroom.html";

/// The bands worker's glue and wasm in `dist/` (Trunk's worker build).
const WORKER_GLUE: &str = "./bands_worker.js";
const WORKER_WASM: &str = "./bands_worker_bg.wasm";
/// The id of the element that carries the worker's source; `src/bands.rs`
/// looks for it.
const WORKER_SOURCE_ID: &str = "bands-worker-source";

/// Writes the single file from Trunk's build in `dist` and returns its path.
pub fn write(dist: &Path) -> Result<PathBuf> {
    let page = fs::read_to_string(dist.join("index.html"))?;
    let single = inline(&page, |href| {
        let file = href.trim_start_matches("./").trim_start_matches('/');
        let file = file.split(['?', '#']).next().unwrap_or(file);
        fs::read(dist.join(file)).map_err(|e| Error::new(format!("{href} (from index.html): {e}")))
    })?;
    let out = dist.join(FILE);
    fs::write(&out, single)?;
    Ok(out)
}

/// The value of attribute `name` in the tag `tag` (`<link ...>`).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    for quote in ['"', '\''] {
        let key = format!(" {name}={quote}");
        if let Some(start) = tag.find(&key) {
            let rest = &tag[start + key.len()..];
            return rest.find(quote).map(|end| &rest[..end]);
        }
    }
    None
}

/// Text that may stand inside a `<script>` or `<style>` element.
fn raw_text(text: &str, element: &str) -> String {
    text.replace(&format!("</{element}"), &format!("<\\/{element}"))
}

/// The page with every file it loads put inside it; `read` gives a file's
/// bytes by its address in the page.
pub fn inline(page: &str, read: impl Fn(&str) -> Result<Vec<u8>>) -> Result<String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let mut glue_found = false;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let lower = rest.get(..8).unwrap_or("").to_ascii_lowercase();
        if lower.starts_with("<meta") && {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest[..end].contains("Content-Security-Policy")
        } {
            // The served page's policy allows its own loader by hash and its
            // files by origin; the single file replaces the loader and has
            // no origin (it is opened from disk), so that policy would refuse
            // it. Its integrity is the file's own.
            rest = &rest[rest.find('>').map_or(rest.len(), |e| e + 1)..];
        } else if lower.starts_with("<link") {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let tag = &rest[..end];
            let rel = attribute(tag, "rel").unwrap_or("").to_ascii_lowercase();
            let href = attribute(tag, "href").unwrap_or("");
            match rel.as_str() {
                "stylesheet" => {
                    let css = String::from_utf8_lossy(&read(href)?).into_owned();
                    out.push_str("<style>");
                    out.push_str(&raw_text(&css, "style"));
                    out.push_str("</style>");
                }
                "modulepreload" | "preload" => {}
                "icon" => {
                    let kind = attribute(tag, "type").unwrap_or("image/svg+xml");
                    let data = STANDARD.encode(read(href)?);
                    out.push_str(&tag.replace(href, &format!("data:{kind};base64,{data}")));
                }
                _ => out.push_str(tag),
            }
            rest = &rest[end..];
        } else if lower.starts_with("<script") {
            let end = rest
                .find("</script>")
                .map_or(rest.len(), |e| e + "</script>".len());
            let element = &rest[..end];
            match glue_import(element) {
                Some(glue) => {
                    glue_found = true;
                    out.push_str(&boot_script(&read(glue)?, &read(&wasm_of(element, glue))?));
                }
                None => out.push_str(element),
            }
            rest = &rest[end..];
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    if !glue_found {
        return Err(Error::new(
            "index.html has no module script importing the wasm-bindgen glue",
        ));
    }
    // The worker's source before the page's end, where the page finds it
    // when it first starts a worker.
    let worker = worker_source(&read(WORKER_GLUE)?, &read(WORKER_WASM)?);
    match out.rfind("</body>") {
        Some(at) => out.insert_str(at, &worker),
        None => out.push_str(&worker),
    }
    Ok(out)
}

/// The bands worker as a script that is carried, not run: its glue (the
/// no-modules build, which defines `wasm_bindgen`), then its init with the
/// wasm's bytes, as Trunk's loader does with the files.
fn worker_source(glue: &[u8], wasm: &[u8]) -> String {
    let glue = String::from_utf8_lossy(glue);
    let wasm = STANDARD.encode(wasm);
    format!(
        "<script type=\"text/plain\" id=\"{WORKER_SOURCE_ID}\">\n{glue}\n\
         wasm_bindgen({{ module_or_path: Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0)) }});\n\
         </script>",
        glue = raw_text(&glue, "script"),
    )
}

/// The glue's address, if `script` is Trunk's loader (`import init, * as
/// bindings from './doorstroom-….js'`).
fn glue_import(script: &str) -> Option<&str> {
    let from = script.find(" from ")?;
    let rest = script[from + 6..].trim_start();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let rest = &rest[1..];
    let path = &rest[..rest.find(quote)?];
    path.ends_with(".js").then_some(path)
}

/// The wasm's address: as the loader names it, or beside the glue.
fn wasm_of(script: &str, glue: &str) -> String {
    script
        .split(['\'', '"'])
        .find(|s| s.ends_with(".wasm"))
        .map_or_else(|| glue.replace(".js", "_bg.wasm"), str::to_owned)
}

/// One module script: the glue, then its init with the wasm's bytes, then
/// Trunk's started event. The names are the glue's neighbours in one
/// scope, so they must not be the glue's own (it declares `wasm`).
fn boot_script(glue: &[u8], wasm: &[u8]) -> String {
    let glue = String::from_utf8_lossy(glue);
    let wasm = STANDARD.encode(wasm);
    format!(
        "<script type=\"module\">\n{glue}\n\
         const wasmBytes = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\n\
         const started = await __wbg_init({{ module_or_path: wasmBytes }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm: started }} }}));\n\
         </script>",
        glue = raw_text(&glue, "script"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head>
<link rel="icon" href="./public/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="./main-1.css" integrity="sha384-x">
<link rel="modulepreload" href="./app-2.js" crossorigin="anonymous">
<link rel="preload" href="./app-2_bg.wasm" as="fetch" type="application/wasm">
<script type="module">
import init, * as bindings from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
window.wasmBindings = bindings;
</script>
</head><body><p>a < b</p></body></html>"#;

    fn read(href: &str) -> Result<Vec<u8>> {
        Ok(match href {
            "./public/favicon.svg" => b"<svg/>".to_vec(),
            "./main-1.css" => b"p { color: red }".to_vec(),
            "./app-2.js" => b"async function __wbg_init() {}\nexport default __wbg_init;".to_vec(),
            "./app-2_bg.wasm" => vec![0, 97, 115, 109],
            "./bands_worker.js" => b"let wasm_bindgen; /* worker glue */".to_vec(),
            "./bands_worker_bg.wasm" => vec![0, 97, 115, 109, 1],
            other => return Err(Error::new(format!("unexpected {other}"))),
        })
    }

    #[test]
    fn every_file_goes_inside_the_page() {
        let single = inline(PAGE, read).unwrap();
        assert!(
            single.contains("<style>p { color: red }</style>"),
            "{single}"
        );
        assert!(single.contains("data:image/svg+xml;base64,PHN2Zy8+"));
        assert!(single.contains("export default __wbg_init;"));
        assert!(single.contains("atob(\"AGFzbQ==\")"), "the wasm's bytes");
        assert!(
            !single.contains("./app-2"),
            "nothing refers to a file: {single}"
        );
        assert!(!single.contains("main-1.css"));
        assert!(single.contains("<p>a < b</p>"));
        // The worker travels as text that is not run, before the page's end.
        let worker = single.find("id=\"bands-worker-source\"").unwrap();
        assert!(worker < single.find("</body>").unwrap());
        assert!(single[worker..].contains("let wasm_bindgen; /* worker glue */"));
        assert!(
            single[worker..].contains("atob(\"AGFzbQE=\")"),
            "the worker's wasm"
        );
        assert!(!single.contains("bands_worker"), "nothing refers to a file");
    }

    #[test]
    fn a_page_without_the_loader_is_refused() {
        assert!(inline("<html><script>1</script></html>", read).is_err());
    }

    #[test]
    fn script_text_cannot_end_its_element() {
        assert_eq!(raw_text("a</script>b", "script"), "a<\\/script>b");
    }
}
