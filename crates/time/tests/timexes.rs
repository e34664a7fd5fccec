//! Recognition and normalization of each form of temporal expression, on
//! sentences written for these tests, anchored to a Wednesday (2018-03-28).

use chancery_core::{DateSource, Dateline, Document, Precision, TimexType};
use chancery_time::annotate_timexes;

/// `(text, type, value)` of every expression found.
fn found(text: &str, date: Option<&str>) -> Vec<(String, TimexType, String)> {
    let mut doc = Document::new("t", text);
    doc.meta.date = date.map(str::to_string);
    annotate_timexes(&mut doc, None);
    doc.timexes
        .iter()
        .map(|t| (doc.slice(&t.span).to_string(), t.kind, t.value.clone()))
        .collect()
}

/// The single expression found in `text`, as `(text, value)`.
fn one(text: &str) -> (String, String) {
    let all = found(text, Some("2018-03-28"));
    assert_eq!(
        all.len(),
        1,
        "expected one expression in {text:?}, got {all:?}"
    );
    (all[0].0.clone(), all[0].2.clone())
}

fn check(text: &str, extent: &str, value: &str) {
    assert_eq!(
        one(text),
        (extent.to_string(), value.to_string()),
        "in {text:?}"
    );
}

#[test]
fn deictic_days_and_references() {
    check("The minister spoke today in Kyiv.", "today", "2018-03-28");
    check(
        "The ceasefire collapsed yesterday.",
        "yesterday",
        "2018-03-27",
    );
    check("Talks resume tomorrow.", "tomorrow", "2018-03-29");
    check("The border is now closed.", "now", "PRESENT_REF");
    check(
        "The envoy is currently in Paris.",
        "currently",
        "PRESENT_REF",
    );
    check("The army recently moved south.", "recently", "PAST_REF");
    check(
        "Relations may improve in the near future.",
        "the near future",
        "FUTURE_REF",
    );
}

#[test]
fn weekdays_follow_the_tense_of_the_clause() {
    check(
        "Rebels attacked the town on Monday.",
        "Monday",
        "2018-03-26",
    );
    check(
        "The delegation will arrive on Monday.",
        "Monday",
        "2018-04-02",
    );
    check("Ministers met Wednesday.", "Wednesday", "2018-03-28");
    check("Troops left last Friday.", "last Friday", "2018-03-23");
    check("Voting opens next Tuesday.", "next Tuesday", "2018-04-03");
}

#[test]
fn months_without_years_take_the_nearest_plausible_year() {
    check(
        "The sanctions were imposed in January.",
        "January",
        "2018-01",
    );
    check("Fighting broke out in November.", "November", "2017-11");
    check("Elections are set for May 6.", "May 6", "2018-05-06");
    check("The deal was signed on Sept. 30.", "Sept. 30", "2017-09-30");
    check(
        "The rebels will withdraw in February.",
        "February",
        "2019-02",
    );
    check(
        "The treaty lapsed last February.",
        "last February",
        "2017-02",
    );
}

#[test]
fn full_dates_in_several_spellings() {
    check(
        "The accord of March 26, 2018 stands.",
        "March 26, 2018",
        "2018-03-26",
    );
    check("He was born on 4 July 1990.", "4 July 1990", "1990-07-04");
    check("The file is dated 2016-11-05.", "2016-11-05", "2016-11-05");
    check("The war ended in August 1988.", "August 1988", "1988-08");
    check(
        "It happened on Saturday, March 24.",
        "Saturday, March 24",
        "2018-03-24",
    );
    check("The vote is on March eighth.", "March eighth", "2018-03-08");
}

#[test]
fn relative_periods() {
    check("Prices rose last month.", "last month", "2018-02");
    check("Exports fell this year.", "this year", "2018");
    check("Talks collapsed last week.", "last week", "2018-W12");
    check("The plan takes effect next year.", "next year", "2019");
    check(
        "The talks stalled earlier this week.",
        "earlier this week",
        "2018-W13",
    );
    check(
        "Inflation slowed over the past year.",
        "the past year",
        "2017",
    );
    check("The embassy reopens this summer.", "this summer", "2018-SU");
    check("The offensive began last fall.", "last fall", "2017-FA");
}

#[test]
fn modifiers_are_part_of_the_extent() {
    let mut doc = Document::new("t", "The army withdrew in late February.");
    doc.meta.date = Some("2018-03-28".into());
    annotate_timexes(&mut doc, None);
    assert_eq!(doc.slice(&doc.timexes[0].span), "late February");
    assert_eq!(doc.timexes[0].value, "2018-02");
    assert_eq!(doc.timexes[0].modifier.as_deref(), Some("END"));
    check("The mission ends in mid-1996.", "mid-1996", "1996");
    check("Aid arrives early next year.", "early next year", "2019");
    check(
        "The plant closes at the end of 2019.",
        "the end of 2019",
        "2019",
    );
}

#[test]
fn quarters_halves_seasons_decades_and_fiscal_years() {
    check(
        "Profit fell in the third quarter.",
        "the third quarter",
        "2017-Q3",
    );
    check("Third-quarter output rose.", "Third-quarter", "2017-Q3");
    check(
        "Sales dropped in the first quarter of 1998.",
        "the first quarter of 1998",
        "1998-Q1",
    );
    check(
        "Growth slowed in the first half of 2016.",
        "the first half of 2016",
        "2016-H1",
    );
    check("The party was founded in the 1990s.", "the 1990s", "199");
    check("Unrest marked the nineties.", "the nineties", "199");
    check("Revenue grew in fiscal 2017.", "fiscal 2017", "2017");
    check(
        "The dam was built in the 20th century.",
        "the 20th century",
        "19",
    );
    check(
        "The drought of the summer of 1994 was severe.",
        "the summer of 1994",
        "1994-SU",
    );
}

#[test]
fn durations_with_numbers_in_digits_and_words() {
    let cases = [
        (
            "Markets fell in the last twenty four hours.",
            "the last twenty four hours",
            "PT24H",
        ),
        ("The siege lasted two years.", "two years", "P2Y"),
        ("The ban runs for 90 days.", "90 days", "P90D"),
        (
            "They lived in camps for 2 1/2 years.",
            "2 1/2 years",
            "P2Y6M",
        ),
        (
            "Inflation rose over the past three years.",
            "the past three years",
            "P3Y",
        ),
        ("Talks may take several weeks.", "several weeks", "PXW"),
        (
            "The strike cost four months of output.",
            "four months",
            "P4M",
        ),
        ("He signed a five-year contract.", "five-year", "P5Y"),
        (
            "The talks lasted nearly forty years.",
            "nearly forty years",
            "P40Y",
        ),
    ];
    for (text, extent, value) in cases {
        let all = found(text, Some("2018-03-28"));
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        assert_eq!(
            (all[0].0.as_str(), all[0].1, all[0].2.as_str()),
            (extent, TimexType::Duration, value)
        );
    }
}

#[test]
fn offsets_back_and_forward() {
    check("The rebels struck a year ago.", "a year ago", "2017");
    check(
        "The envoy left two weeks ago.",
        "two weeks ago",
        "2018-03-14",
    );
    check(
        "The camp was built five months ago.",
        "five months ago",
        "2017-10",
    );
    check(
        "Sales were higher a year earlier.",
        "a year earlier",
        "2017",
    );
    check(
        "Talks started several years ago.",
        "several years ago",
        "PAST_REF",
    );
}

#[test]
fn times_of_day_and_clock_times() {
    let all = found(
        "Shelling began at 10 p.m. Wednesday and stopped this morning.",
        Some("2018-03-28"),
    );
    let values: Vec<_> = all
        .iter()
        .map(|(t, k, v)| (t.as_str(), *k, v.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("10 p.m. Wednesday", TimexType::Time, "2018-03-28T22:00"),
            ("this morning", TimexType::Time, "2018-03-28TMO"),
        ]
    );
    check(
        "The curfew starts at noon Thursday.",
        "noon Thursday",
        "2018-03-22T12:00",
    );
    check(
        "Clashes erupted Friday night.",
        "Friday night",
        "2018-03-23TNI",
    );
    check("Sirens sounded last night.", "last night", "2018-03-27TNI");
}

#[test]
fn recurring_sets() {
    let all = found(
        "Flights leave each Thursday and inspections happen every month.",
        Some("2018-03-28"),
    );
    let values: Vec<_> = all.iter().map(|(_, k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        values,
        [(TimexType::Set, "XXXX-WXX-4"), (TimexType::Set, "P1M")]
    );
    let all = found(
        "The market opens on Sundays; vigils are held Tuesday nights.",
        Some("2018-03-28"),
    );
    let values: Vec<_> = all
        .iter()
        .map(|(t, k, v)| (t.as_str(), *k, v.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("Sundays", TimexType::Set, "XXXX-WXX-7"),
            ("Tuesday nights", TimexType::Set, "XXXX-WXX-2TNI")
        ]
    );
}

#[test]
fn leading_prepositions_stay_out_and_counts_are_not_years() {
    check("Troops have been there since 1990.", "1990", "1990");
    assert!(found(
        "The army sent 1990 soldiers and $2000 in aid.",
        Some("2018-03-28")
    )
    .is_empty());
    assert!(found("He was 37 years old.", Some("2018-03-28")).is_empty());
    assert!(found(
        "You may go now that it is over, said May.",
        Some("2018-03-28")
    )
    .iter()
    .all(|(t, _, _)| t != "May"));
}

#[test]
fn without_a_document_date_relative_values_stay_unknown() {
    let all = found("Talks resumed on Monday and ended in March.", None);
    let values: Vec<_> = all.iter().map(|(_, _, v)| v.as_str()).collect();
    assert_eq!(values, ["XXXX-WXX-1", "XXXX-03"]);
}

fn doc_date_of(doc: &mut Document, given: Option<&str>) -> Option<(String, Precision, DateSource)> {
    let given = given.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
    annotate_timexes(doc, given);
    doc.doc_date
        .as_ref()
        .map(|d| (d.value.clone(), d.precision, d.source))
}

#[test]
fn document_date_from_metadata_before_the_command_line() {
    let mut doc = Document::new("t", "Talks resumed yesterday.");
    doc.meta.date = Some("2018-03-28T10:00:00".into());
    assert_eq!(
        doc_date_of(&mut doc, Some("2001-01-01")),
        Some(("2018-03-28".into(), Precision::Day, DateSource::Metadata))
    );
    assert_eq!(doc.timexes[0].value, "2018-03-27");
    let mut doc = Document::new("t", "Talks resumed yesterday.");
    assert_eq!(
        doc_date_of(&mut doc, Some("2001-01-01")),
        Some(("2001-01-01".into(), Precision::Day, DateSource::CommandLine))
    );
    assert_eq!(doc.timexes[0].value, "2000-12-31");
}

#[test]
fn document_date_from_metadata_written_in_words() {
    let mut doc = Document::new("t", "Talks resumed yesterday.");
    doc.meta.date = Some("Wednesday, March 28, 2018".into());
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some(("2018-03-28".into(), Precision::Day, DateSource::Metadata))
    );
    assert_eq!(doc.timexes[0].value, "2018-03-27");
}

#[test]
fn document_date_from_the_dateline_with_the_year_from_the_text() {
    let text =
        "MOSCOW, March 31. Russia expelled diplomats on March 29, 2018. It did so yesterday.";
    let mut doc = Document::new("t", text);
    doc.dateline = Some(Dateline {
        span: 0..17,
        place: Some("MOSCOW".into()),
        date_text: Some("March 31".into()),
        outlet: None,
    });
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some(("2018-03-31".into(), Precision::Day, DateSource::Dateline))
    );
    let yesterday = doc
        .timexes
        .iter()
        .find(|t| doc.slice(&t.span) == "yesterday")
        .unwrap();
    assert_eq!(yesterday.value, "2018-03-30");

    let mut doc = Document::new("t", "MOSCOW, March 31. Russia expelled diplomats.");
    doc.dateline = Some(Dateline {
        span: 0..17,
        date_text: Some("March 31".into()),
        ..Dateline::default()
    });
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some(("XXXX-03-31".into(), Precision::Day, DateSource::Dateline))
    );
}

#[test]
fn a_yearless_dateline_follows_the_dates_it_reports() {
    let text = "KYIV, January 3. Talks held on December 20, 2017 failed. Targets for 2030 stand.";
    let mut doc = Document::new("t", text);
    doc.dateline = Some(Dateline {
        span: 0..16,
        date_text: Some("January 3".into()),
        ..Dateline::default()
    });
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some(("2018-01-03".into(), Precision::Day, DateSource::Dateline))
    );
}

#[test]
fn document_date_from_the_headline_or_the_latest_full_date() {
    let mut doc = Document::new(
        "t",
        "Ceasefire talks resume. The envoy arrived on June 2, 2017 and left June 5, 2017.",
    );
    doc.meta.title = Some("Talks of June 9, 2017 in Geneva".into());
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some(("2017-06-09".into(), Precision::Day, DateSource::Headline))
    );
    let mut doc = Document::new(
        "t",
        "The envoy arrived on June 2, 2017 and left June 5, 2017.",
    );
    assert_eq!(
        doc_date_of(&mut doc, None),
        Some((
            "2017-06-05".into(),
            Precision::Day,
            DateSource::LatestInText
        ))
    );
    let mut doc = Document::new("t", "The envoy arrived on Monday and left in March.");
    assert_eq!(doc_date_of(&mut doc, None), None);
}

#[test]
fn the_story_year_anchors_later_and_following() {
    let all = found(
        "The mine opened in 2009. Two years later it closed, and the following year it was sold.",
        Some("2018-03-28"),
    );
    let values: Vec<_> = all
        .iter()
        .map(|(t, _, v)| (t.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("2009", "2009"),
            ("Two years later", "2011"),
            ("the following year", "2012")
        ]
    );
}

#[test]
fn weekday_with_its_date_and_clock_times_of_the_afternoon() {
    check(
        "The vote is this coming Sunday, April 1.",
        "this coming Sunday, April 1",
        "2018-04-01",
    );
    check(
        "The plan is due by 6 o'clock.",
        "6 o'clock",
        "2018-03-28T06:00",
    );
    let all = found(
        "The plan is due by 6 o'clock this afternoon.",
        Some("2018-03-28"),
    );
    assert_eq!(all[0].2, "2018-03-28T18:00");
    check("The dam burst a decade ago.", "a decade ago", "2008");
}

#[test]
fn rates_and_prepositions_are_not_dates() {
    let all = found("Clerks earn $12 an hour.", Some("2018-03-28"));
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].1, all[0].2.as_str()), (TimexType::Set, "PT1H"));
    let all = found(
        "Following Monday's debate, polls moved.",
        Some("2018-03-28"),
    );
    let extents: Vec<_> = all.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(extents, ["Monday"]);
}

#[test]
fn wire_service_forms() {
    check(
        "Shelling resumed at 1500 GMT.",
        "1500 GMT",
        "2018-03-28T15:00",
    );
    check(
        "The ultimatum expires at 06:30 UTC.",
        "06:30 UTC",
        "2018-03-28T06:30",
    );
    check(
        "The decree is dated 25/03/2018.",
        "25/03/2018",
        "2018-03-25",
    );
    check("Voting ended on the 26th.", "the 26th", "2018-03-26");
    check(
        "The court sits again on the 30th.",
        "the 30th",
        "2018-03-30",
    );
    check("The truce held over Christmas.", "Christmas", "2017-12-25");
    check(
        "Fireworks are banned on New Year's Eve.",
        "New Year's Eve",
        "2017-12-31",
    );
    check(
        "Talks could take two to three weeks.",
        "two to three weeks",
        "PXW",
    );
    check(
        "The deal closes around Nov. 1.",
        "around Nov. 1",
        "2017-11-01",
    );
    check("The fire started days ago.", "days ago", "PAST_REF");
    check("Crowds waited for hours.", "hours", "PTXH");
}

#[test]
fn vague_spans() {
    check("The truce may hold for a while.", "a while", "PXX");
    check(
        "Prices will rise in the weeks ahead.",
        "the weeks ahead",
        "PXW",
    );
    check("The town shrank over the years.", "the years", "PXY");
}

#[test]
fn short_decades_and_qualified_seasons() {
    check("Inflation soared in the '70s.", "the '70s", "197");
    check(
        "Orders fell in the early summer.",
        "the early summer",
        "2018-SU",
    );
}
