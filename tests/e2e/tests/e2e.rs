//! The end-to-end tests: the `dist/` build in headless Chromium.
//!
//! Build `dist/` first (`cargo xtask dist`; `cargo xtask test` does it).
//! To add a test, write an `async fn(&Harness) -> Result<()>` below and name
//! it in `main`'s list.

use std::process::ExitCode;
use std::sync::Arc;

use doorstroom_e2e::{Harness, Result};
use libtest_mimic::{Arguments, Trial};

mod explorer;
use explorer::*;

async fn the_app_mounts_with_its_heading(harness: &Harness) -> Result<()> {
    let page = harness.page("").await?;
    assert_eq!(page.text("h1").await?, "Doorstroom");
    page.close().await
}

async fn the_footer_shows_the_model_version(harness: &Harness) -> Result<()> {
    let page = harness.page("").await?;
    let version = page.text("footer .model-version").await?;
    assert_eq!(version, doorstroom_model::VERSION);
    let start = page.text("footer .model-start").await?;
    assert_eq!(start, "1 mei 2023", "the default scenario's start date");
    page.close().await
}

async fn the_app_logs_no_console_errors(harness: &Harness) -> Result<()> {
    let mut page = harness.page("").await?;
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    page.close().await
}

async fn the_app_requests_nothing_beyond_its_origin(harness: &Harness) -> Result<()> {
    let mut page = harness.page("").await?;
    // The check sees the app's own requests, so an empty answer below means
    // nothing foreign was asked for, not that nothing was seen.
    let requests = page.requests().await?;
    assert!(
        requests.iter().any(|url| url.ends_with(".wasm")),
        "the app's wasm is among its requests: {requests:?}"
    );
    assert_eq!(page.foreign_requests().await?, Vec::<String>::new());
    page.close().await
}

async fn the_app_works_from_a_folder(harness: &Harness) -> Result<()> {
    let mut page = harness.page_in_folder("").await?;
    assert_eq!(page.text("h1").await?, "Doorstroom");
    assert_eq!(page.console_errors().await?, Vec::<String>::new());
    assert_eq!(page.foreign_requests().await?, Vec::<String>::new());
    page.close().await
}

/// The console check fails on a page that logs an error.
async fn the_console_check_catches_an_error(harness: &Harness) -> Result<()> {
    let mut page = harness.fixture("console-error.html").await?;
    let errors = page.console_errors().await?;
    assert!(
        errors
            .iter()
            .any(|e| e.contains("deliberate console error")),
        "the deliberate error is reported: {errors:?}"
    );
    assert_eq!(page.foreign_requests().await?, Vec::<String>::new());
    page.close().await
}

/// The request check fails on a page that asks another origin for something.
async fn the_request_check_catches_a_foreign_request(harness: &Harness) -> Result<()> {
    let mut page = harness.fixture("foreign-request.html").await?;
    assert_eq!(
        page.foreign_requests().await?,
        vec!["http://example.invalid/x.png".to_owned()]
    );
    page.close().await
}

/// Turns each async test into a libtest trial run on the shared runtime.
macro_rules! trials {
    ($harness:expr, $runtime:expr, [$($test:ident),* $(,)?]) => {
        vec![$({
            let harness = Arc::clone(&$harness);
            let runtime = Arc::clone(&$runtime);
            Trial::test(stringify!($test), move || {
                runtime.block_on($test(&harness)).map_err(|error| error.to_string().into())
            })
        }),*]
    };
}

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    let harness = match Harness::start() {
        Ok(harness) => Arc::new(harness),
        Err(error) => {
            eprintln!("error: cannot start the end-to-end harness: {error}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = Arc::new(
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime"),
    );
    let trials = trials!(
        harness,
        runtime,
        [
            the_app_mounts_with_its_heading,
            the_footer_shows_the_model_version,
            the_app_logs_no_console_errors,
            the_app_requests_nothing_beyond_its_origin,
            the_app_works_from_a_folder,
            the_console_check_catches_an_error,
            the_request_check_catches_a_foreign_request,
            the_locale_reader_reads_both_locales,
            a_scenario_link_shows_its_levers_and_the_models_figures,
            a_drag_changes_the_figures_and_the_address_and_back_restores,
            the_keyboard_moves_a_slider_and_types_a_value,
            a_garbage_query_shows_the_notice_and_a_working_page,
            the_english_switch_changes_the_text_and_the_number_format,
            the_charts_draw_hover_and_show_their_tables,
            a_chart_exports_a_slide_png_and_an_svg_twin_with_its_caption,
            a_hostile_title_leaves_every_export_safe,
            the_run_downloads_as_csv_in_dutch_and_in_english,
            a_table_copies_as_rows_and_columns,
            the_handout_prints_on_two_a4_pages_with_the_link,
            the_handout_follows_what_is_printed_and_keeps_to_two_pages,
            embed_html_draws_its_chart_in_another_site_s_frame_and_the_page_refuses_to_be_framed,
            the_embed_button_gives_the_frame_code_in_both_languages,
            axe_finds_no_serious_violation_in_either_language,
            axe_finds_no_serious_violation_in_the_comparison_or_presentation_mode,
            under_its_csp_the_page_loads_and_works_without_a_violation,
            a_changed_wasm_or_js_is_refused,
            a_5000_digit_value_keeps_the_page_in_the_window,
            a_key_held_for_three_seconds_is_one_history_entry_and_one_undo,
            a_refused_typed_value_says_what_is_used_and_the_slider_keeps_its_width,
            a_thousand_bad_parameters_keep_the_figures_on_the_first_screen,
            html_in_a_link_is_shown_as_text,
            dates_out_of_order_and_the_longest_non_ascii_titles_are_repaired_on_the_page,
            a_thousand_recomputes_keep_the_wasm_memory_bounded,
            a_hundred_random_scenarios_show_the_models_figures,
            three_hundred_key_presses_leave_the_address_right,
            two_thousand_inputs_end_on_the_last_value,
            the_bands_appear_and_their_seed_reproduces_them,
            goal_seek_applies_its_answer,
            goal_amounts_are_read_in_the_reader_s_notation,
            goals_default_to_the_view_and_after_the_horizon_extend_it,
            the_single_file_draws_the_bands_from_disk,
            bands_from_now_start_at_the_join,
            a_drag_during_the_bands_ends_on_the_newest_value,
            the_tornado_lists_the_levers_largest_first,
            why_different_names_the_levers_that_differ_and_exports,
            the_pipeline_follows_the_pointer_plays_and_exports,
            pinning_two_scenarios_draws_three_sets_of_lines_and_compares_them,
            a_link_with_pinned_scenarios_names_each_on_screen,
            presentation_mode_reads_from_the_back_and_steps_through_a_deck,
            the_page_fits_a_projector_and_no_control_is_cut_off,
            presentation_fits_a_projector_in_both_languages,
            the_pipeline_is_presented_beside_a_chart,
            every_card_keeps_its_date_and_scope_on_a_projector,
            a_briefing_of_eight_saved_and_reopened_gives_the_same_figures,
            a_hostile_briefing_loads_with_a_notice_and_breaks_nothing,
            a_briefing_of_twelve_shows_all_in_the_comparison_and_the_deck,
            after_one_visit_the_page_works_with_the_server_gone,
            the_worker_installs_on_a_host_that_serves_no_headers_file,
            the_single_file_opens_from_disk_and_draws_its_charts,
            the_record_panel_shows_the_model_s_record_for_the_link,
            hovering_a_week_with_a_published_figure_shows_its_value_and_source,
            the_published_switch_hides_and_shows_the_markers_and_is_kept_in_the_link,
            the_track_record_panel_shows_each_origin_with_the_model_and_published_figures,
            the_page_opens_on_today_s_outlook_and_the_switch_goes_to_the_letter,
            back_to_default_returns_to_today_s_values,
            a_lever_moved_from_now_changes_the_run_only_from_the_rule_on,
        ]
    );
    let conclusion = libtest_mimic::run(&arguments, trials);
    // The trials are done with the harness; stopping it ends chromedriver and
    // every browser, then the servers.
    drop(harness);
    conclusion.exit_code()
}
