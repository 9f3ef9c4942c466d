//! One person's card: names in both scripts, cohort, tenure, path, work, date, fact-check summary, and an
//! in-place detail (quote, notes, every source).

use crate::dataset::is_safe_https_url;
use crate::i18n::{check_summary, cohort_label, format_date, format_dated, format_weeks_range, status_label, tenure_precision_label, ui};
use crate::model::{Check, Lang, Person, Source, Status};
use crate::components::calculator::show_in_calculator;
use crate::pay::calc_ui;
use crate::state::WidgetState;
use crate::components::tr;
use leptos::prelude::*;
use std::sync::Arc;

/// A card for one person.
#[component]
pub fn Card(
    /// The person shown.
    person: Arc<Person>,
) -> impl IntoView {
    let state = expect_context::<WidgetState>();
    let lang = state.lang;
    let title_id = state.data.with_value(|d| d.id(&format!("name-{}", person.id)));
    let labelled_by = title_id.clone();
    let calc_described_by = title_id.clone();
    let checks = person.fact_checks();
    let disputed = checks.iter().filter(|c| c.status == Status::Disputed).count();
    let unverified = checks.iter().filter(|c| c.status == Status::Unverified).count();
    let worst = if disputed > 0 {
        "disputed"
    } else if unverified > 0 {
        "unverified"
    } else {
        "confirmed"
    };
    let to_calc = {
        let person = person.clone();
        move |_| state.data.with_value(|d| show_in_calculator(state.calc, &person, &d.id_prefix))
    };
    let p = person.clone();
    let text = move |f: fn(&Person, Lang) -> String| {
        let p = p.clone();
        move || f(&p, lang.get())
    };

    view! {
        <li class="mslw-card" data-testid="person-card" data-person-id=person.id.clone()>
            <article aria-labelledby=labelled_by>
                <h3 class="mslw-name" id=title_id>
                    <span lang="en">{person.name_en.clone()}</span>
                    " "
                    <span class="mslw-name-zh" lang="zh-Hans">{person.name_zh.text.clone()}</span>
                </h3>
                <p class="mslw-badge" data-cohort=person.cohort.as_str()>{text(|p, l| cohort_label(p.cohort, l).to_owned())}</p>
                <dl class="mslw-facts">
                    <dt>{tr(lang, |u| u.tenure)}</dt>
                    <dd data-testid="tenure">{text(tenure_text)}</dd>
                    <dt>{tr(lang, |u| u.path)}</dt>
                    <dd data-testid="path">{text(path_text)}</dd>
                    <dt>{tr(lang, |u| u.new_role)}</dt>
                    <dd data-testid="destination">{text(destination_text)}</dd>
                    {(!person.work.is_empty()).then(|| view! {
                        <dt>{tr(lang, |u| u.worked_on)}</dt>
                        <dd>{text(work_text)}</dd>
                    })}
                    <dt>{tr(lang, |u| u.announced)}</dt>
                    <dd data-testid="announced">{text(announced_text)}</dd>
                    <dt>{tr(lang, |u| u.status_label)}</dt>
                    <dd data-testid="check-summary" class="mslw-check-summary"
                        data-worst=worst>
                        {move || check_summary(disputed, unverified, lang.get())}
                    </dd>
                </dl>
                <button type="button" class="mslw-calc-card-button" data-testid="card-to-calc"
                    aria-describedby=calc_described_by on:click=to_calc>
                    {move || calc_ui(lang.get()).card_button}
                </button>
                <details class="mslw-detail" data-testid="card-detail">
                    <summary>{tr(lang, |u| u.details)}</summary>
                    {person.quote.clone().map(|q| view! {
                        <figure class="mslw-quote">
                            <blockquote>{move || q.text.get(lang.get()).to_owned()}</blockquote>
                            <figcaption>{move || format!("{} — {}", ui(lang.get()).in_their_words, q.context.get(lang.get()))}</figcaption>
                        </figure>
                    })}
                    {person.name_zh.is_article_transliteration.then(|| view! {
                        <p class="mslw-fine">{tr(lang, |u| u.transliteration_note)}</p>
                    })}
                    <ul class="mslw-checks">
                        {checks.into_iter().map(|c| view! { <CheckNote check=c /> }).collect_view()}
                    </ul>
                    <h4 class="mslw-sources-title">{tr(lang, |u| u.sources)}</h4>
                    <ul class="mslw-sources">
                        {person.sources.iter().cloned().map(|s| view! { <SourceLink source=s /> }).collect_view()}
                    </ul>
                </details>
            </article>
        </li>
    }
}

fn tenure_text(p: &Person, l: Lang) -> String {
    let t = &p.tenure;
    let mut s = format!(
        "{} ({}; ≈{} {})",
        t.reported.get(l),
        tenure_precision_label(t.precision, l),
        format_weeks_range(t.weeks_low, t.weeks_high),
        ui(l).tenure_weeks_note
    );
    push_status(&mut s, &t.check, l);
    s
}

fn path_text(p: &Person, l: Lang) -> String {
    let mut steps: Vec<&str> = p.prior_employers.iter().map(|e| e.org.get(l)).collect();
    steps.push("Meta");
    steps.push(p.destination.org.as_ref().map(|o| o.get(l)).unwrap_or(ui(l).not_announced));
    let mut s = steps.join(" → ");
    for later in &p.later {
        s.push_str(&format!(" → {} ({})", later.org.get(l), ui(l).later));
    }
    s
}

fn destination_text(p: &Person, l: Lang) -> String {
    let d = &p.destination;
    let mut s = match (&d.org, &d.role) {
        (Some(org), Some(role)) => format!("{} · {}", org.get(l), role.get(l)),
        (Some(org), None) => org.get(l).to_owned(),
        (None, _) => ui(l).not_announced.to_owned(),
    };
    for later in &p.later {
        s.push_str(&format!("; {}: {}", ui(l).later, later.org.get(l)));
        if let Some(role) = &later.role {
            s.push_str(&format!(" · {}", role.get(l)));
        }
        if let Some(date) = later.date {
            s.push_str(&format!(" ({})", format_dated(date, l)));
        }
    }
    push_status(&mut s, &d.check, l);
    s
}

fn work_text(p: &Person, l: Lang) -> String {
    let items: Vec<String> = p
        .work
        .iter()
        .map(|w| {
            let mut s = w.text.get(l).to_owned();
            push_status(&mut s, &w.check, l);
            s
        })
        .collect();
    items.join(if l == Lang::Zh { "；" } else { "; " })
}

fn announced_text(p: &Person, l: Lang) -> String {
    let mut s = p.announced.map(|d| format_dated(d, l)).unwrap_or_else(|| ui(l).date_unknown.to_owned());
    push_status(&mut s, &p.announced_check, l);
    s
}

/// Appends "[Disputed]" / "［有争议］" to a fact whose claim is not confirmed.
fn push_status(s: &mut String, check: &Check, l: Lang) {
    if check.status != Status::Confirmed {
        let (open, close) = if l == Lang::Zh { ("［", "］") } else { (" [", "]") };
        s.push_str(open);
        s.push_str(status_label(check.status, l));
        s.push_str(close);
    }
}

/// A claim that is not confirmed: its status in words and what the article and the sources say.
#[component]
fn CheckNote(check: Check) -> impl IntoView {
    let lang = expect_context::<WidgetState>().lang;
    let status = check.status;
    let note = check.note;
    view! {
        <li class="mslw-check" data-status=status.as_str() data-testid="fact-check">
            <strong class="mslw-status">{move || format!("{}: ", status_label(status, lang.get()))}</strong>
            {move || note.as_ref().map(|n| n.get(lang.get()).to_owned())}
        </li>
    }
}

/// A source as a link when its URL is a safe https address, else as plain text.
#[component]
pub fn SourceLink(source: Source) -> impl IntoView {
    let lang = expect_context::<WidgetState>().lang;
    let label = format!("{}: {}", source.publisher, source.title);
    let date = source.date;
    let date_text = move || date.map(|d| format!(" ({})", format_date(d, lang.get())));
    if is_safe_https_url(&source.url) {
        view! {
            <li><a href=source.url target="_blank" rel="noopener noreferrer">{label}</a>{date_text}</li>
        }
        .into_any()
    } else {
        view! {
            <li>{label}{date_text}" "<span class="mslw-fine">{tr(lang, |u| u.link_not_shown)}</span></li>
        }
        .into_any()
    }
}
