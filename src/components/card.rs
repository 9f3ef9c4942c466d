//! One person's card: names in both scripts, cohort, tenure, destination, fact-check labels, sources.

use crate::dataset::is_safe_https_url;
use crate::i18n::{cohort_label, format_date, format_dated, format_weeks_range, status_label, tenure_precision_label, ui};
use crate::model::{Check, Lang, Person, Source, Text};
use leptos::prelude::*;
use std::sync::Arc;

/// A card for one person.
#[component]
pub fn Card(
    /// The person shown.
    person: Arc<Person>,
    /// The active language.
    lang: Signal<Lang>,
) -> impl IntoView {
    let p = person.clone();
    let tenure = person.clone();
    let dest = person.clone();
    let announced = person.clone();
    let checks = person.clone();
    let title_id = format!("mslw-name-{}", person.id);
    let labelled_by = title_id.clone();

    view! {
        <li class="mslw-card" data-testid="person-card" data-person-id=person.id.clone()>
            <article aria-labelledby=labelled_by>
                <h3 class="mslw-name" id=title_id>
                    <span lang="en">{person.name_en.clone()}</span>
                    " "
                    <span class="mslw-name-zh" lang="zh-Hans">{person.name_zh.text.clone()}</span>
                </h3>
                {person.name_zh.is_article_transliteration.then(|| view! {
                    <p class="mslw-fine">{move || ui(lang.get()).transliteration_note}</p>
                })}
                <p class="mslw-badge" data-cohort=person.cohort.as_str()>{move || cohort_label(p.cohort, lang.get())}</p>
                <dl class="mslw-facts">
                    <dt>{move || ui(lang.get()).tenure}</dt>
                    <dd data-testid="tenure">
                        {move || {
                            let l = lang.get();
                            let t = &tenure.tenure;
                            format!(
                                "{} ({}; {} {})",
                                t.reported.get(l),
                                tenure_precision_label(t.precision, l),
                                format_weeks_range(t.weeks_low, t.weeks_high),
                                ui(l).tenure_weeks_note
                            )
                        }}
                    </dd>
                    <dt>{move || ui(lang.get()).destination}</dt>
                    <dd data-testid="destination">
                        {move || {
                            let l = lang.get();
                            let d = &dest.destination;
                            let mut s = match (&d.org, &d.role) {
                                (Some(org), Some(role)) => format!("{} · {}", org.get(l), role.get(l)),
                                (Some(org), None) => org.get(l).to_owned(),
                                (None, _) => ui(l).not_announced.to_owned(),
                            };
                            for later in &dest.later {
                                s.push_str(&format!("; {}: {}", ui(l).later, later.org.get(l)));
                                if let Some(date) = later.date {
                                    s.push_str(&format!(" ({})", format_dated(date, l)));
                                }
                            }
                            s
                        }}
                    </dd>
                    <dt>{move || ui(lang.get()).announced}</dt>
                    <dd>
                        {move || {
                            let l = lang.get();
                            announced.announced.map(|d| format_dated(d, l)).unwrap_or_else(|| ui(l).date_unknown.to_owned())
                        }}
                    </dd>
                </dl>
                {checks.fact_checks().into_iter().map(|c| view! { <CheckNote check=c lang=lang /> }).collect_view()}
                <h4 class="mslw-sources-title">{move || ui(lang.get()).sources}</h4>
                <ul class="mslw-sources">
                    {person.sources.iter().cloned().map(|s| view! { <SourceLink source=s lang=lang /> }).collect_view()}
                </ul>
            </article>
        </li>
    }
}

/// A non-confirmed claim: its status in words and what the article and the sources say.
#[component]
fn CheckNote(check: Check, lang: Signal<Lang>) -> impl IntoView {
    let status = check.status;
    let note: Option<Text> = check.note;
    view! {
        <p class="mslw-check" data-status=status.as_str() data-testid="fact-check">
            <strong class="mslw-status">{move || format!("{}: {}", ui(lang.get()).status_label, status_label(status, lang.get()))}</strong>
            " "
            {move || note.as_ref().map(|n| n.get(lang.get()).to_owned())}
        </p>
    }
}

/// A source as a link when its URL is a safe https address, else as plain text.
#[component]
fn SourceLink(source: Source, lang: Signal<Lang>) -> impl IntoView {
    let label = format!("{}: {}", source.publisher, source.title);
    let date = source.date;
    let date_text = move || date.map(|d| format!(" ({})", format_date(d, lang.get())));
    if is_safe_https_url(&source.url) {
        view! {
            <li><a href=source.url.clone() target="_blank" rel="noopener noreferrer">{label}</a>{date_text}</li>
        }
        .into_any()
    } else {
        view! {
            <li>{label}{date_text}" "<span class="mslw-fine">{move || ui(lang.get()).link_not_shown}</span></li>
        }
        .into_any()
    }
}
