//! `cargo xtask dist --single-file`: the whole page in one HTML file
//! (`dist/doorstroom.html`), for a USB stick in a briefing room: opened
//! from disk with a double click, with no server and no network.
//!
//! A browser will not load a module script or fetch a wasm file from a
//! `file://` page, so nothing may stay outside: the built page is taken
//! apart and put together again with the style sheets in `<style>`, the
//! wasm-bindgen glue in the page's one module script, the wasm in it as
//! base64 (handed to the glue's init as bytes, so nothing is fetched), and
//! the icon as a data URL. The preload hints go: there is nothing to load,
//! and so does the served page's Content-Security-Policy, which names the
//! loader this file replaces.
//!
//! The bands' Web Workers run the page's own module (`bands_worker.js`
//! beside the page imports the glue and starts it with the compiled module
//! the page posts). A worker cannot be loaded from disk either, so the glue
//! and that start go into the page as the text of an element that is never
//! run (`<script type="text/plain" id="bands-worker-source">`); the page
//! starts its workers from a blob URL of that text (`src/bands.rs`), which a
//! page opened from disk may, and posts them its module as it does when
//! served: the wasm is carried once. A page opened from disk can start a
//! classic worker from a blob but not a module worker, so the carried glue
//! is the page's ES module made a classic script ([`classic_script`]).

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::page::{STARTED_EVENT, worker_start};
use crate::{Error, Result};

/// The single file's name in `dist/`.
pub const FILE: &str = "doorstroom.html";

/// The id of the element that carries the worker's source; `src/bands.rs`
/// looks for it.
const WORKER_SOURCE_ID: &str = "bands-worker-source";

/// Writes the single file from the build in `dist` and returns its path.
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
    let mut glue_text = None;
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
                    let glue_bytes = read(glue)?;
                    out.push_str(&boot_script(&glue_bytes, &read(&wasm_of(element, glue))?));
                    glue_text = Some(glue_bytes);
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
    let Some(glue) = glue_text else {
        return Err(Error::new(
            "index.html has no module script importing the wasm-bindgen glue",
        ));
    };
    // The worker's source before the page's end, where the page finds it
    // when it first starts a worker.
    let worker = worker_source(&glue)?;
    match out.rfind("</body>") {
        Some(at) => out.insert_str(at, &worker),
        None => out.push_str(&worker),
    }
    Ok(out)
}

/// The bands worker as a classic script that is carried, not run: the
/// page's glue, then its init with the module the page posts first
/// (`page.rs`).
fn worker_source(glue: &[u8]) -> Result<String> {
    let glue = classic_script(&String::from_utf8_lossy(glue))?;
    Ok(format!(
        "<script type=\"text/plain\" id=\"{WORKER_SOURCE_ID}\">\n{glue}\n{start}</script>",
        glue = raw_text(&glue, "script"),
        start = worker_start("__wbg_init"),
    ))
}

/// wasm-bindgen's glue for the web (an ES module) as a classic script: its
/// exports become plain declarations, its export list goes, and the one use
/// of `import.meta` (the wasm's default address, never used here: the
/// module is always given) names the script's own address instead. Glue of
/// another shape (an import, another export) is refused rather than
/// carried broken.
fn classic_script(glue: &str) -> Result<String> {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        let line = if let Some(rest) = line.strip_prefix("export ") {
            if rest.starts_with('{') || rest.starts_with("default ") {
                continue;
            }
            if !(rest.starts_with("class ")
                || rest.starts_with("function ")
                || rest.starts_with("async function "))
            {
                return Err(Error::new(format!(
                    "the wasm-bindgen glue exports what a classic script cannot declare: {line}"
                )));
            }
            rest
        } else if line.starts_with("import ") {
            return Err(Error::new(format!(
                "the wasm-bindgen glue imports a module, which a classic script cannot: {line}"
            )));
        } else {
            line
        };
        out.push_str(&line.replace("import.meta.url", "self.location.href"));
        out.push('\n');
    }
    if out.contains("import.meta") {
        return Err(Error::new(
            "the wasm-bindgen glue uses import.meta, which a classic script cannot",
        ));
    }
    Ok(out)
}

/// The glue's address, if `script` is the page's loader (`import init from
/// './doorstroom-….js'`).
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
/// the loader's started event. The names are the glue's neighbours in one
/// scope, so they must not be the glue's own (it declares `wasm`).
fn boot_script(glue: &[u8], wasm: &[u8]) -> String {
    let glue = String::from_utf8_lossy(glue);
    let wasm = STANDARD.encode(wasm);
    format!(
        "<script type=\"module\">\n{glue}\n\
         const wasmBytes = Uint8Array.from(atob(\"{wasm}\"), (c) => c.charCodeAt(0));\n\
         const started = await __wbg_init({{ module_or_path: wasmBytes }});\n\
         dispatchEvent(new CustomEvent(\"{STARTED_EVENT}\", {{ detail: {{ wasm: started }} }}));\n\
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
import init from './app-2.js';
const wasm = await init({ module_or_path: './app-2_bg.wasm' });
</script>
</head><body><p>a < b</p></body></html>"#;

    fn read(href: &str) -> Result<Vec<u8>> {
        Ok(match href {
            "./public/favicon.svg" => b"<svg/>".to_vec(),
            "./main-1.css" => b"p { color: red }".to_vec(),
            "./app-2.js" => b"export class A {}\nexport function f() {}\nasync function __wbg_init() { new URL('x_bg.wasm', import.meta.url); }\nexport { initSync, __wbg_init as default };".to_vec(),
            "./app-2_bg.wasm" => vec![0, 97, 115, 109],
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
        assert!(single.contains("export { initSync, __wbg_init as default };"));
        assert!(single.contains("atob(\"AGFzbQ==\")"), "the wasm's bytes");
        assert!(
            !single.contains("./app-2"),
            "nothing refers to a file: {single}"
        );
        assert!(!single.contains("main-1.css"));
        assert!(single.contains("<p>a < b</p>"));
        // The worker travels as text that is not run, before the page's
        // end: the page's glue, started with the module the page posts; the
        // wasm is carried once, in the page's script.
        let worker = single.find("id=\"bands-worker-source\"").unwrap();
        assert!(worker < single.find("</body>").unwrap());
        assert!(single[worker..].contains("\nclass A {}\nfunction f() {}\n"));
        assert!(
            !single[worker..].contains("export"),
            "a classic script: {single}"
        );
        assert!(single[worker..].contains("new URL('x_bg.wasm', self.location.href)"));
        assert!(
            single[worker..].contains("__wbg_init({ module_or_path: event.data })"),
            "{single}"
        );
        assert_eq!(single.matches("AGFzbQ==").count(), 1, "the wasm once");
        assert!(!single.contains("bands_worker"), "nothing refers to a file");
    }

    #[test]
    fn glue_of_another_shape_is_not_made_a_classic_script() {
        assert!(classic_script("import x from './x.js';\n").is_err());
        assert!(classic_script("export const x = 1;\n").is_err());
        assert!(classic_script("const m = import.meta;\n").is_err());
        assert_eq!(
            classic_script("export function f() {}\nexport default f;\n").unwrap(),
            "function f() {}\n"
        );
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
