//! The demo's tour (`examples/shared/tour.rs`), the curl lines both demo servers print:
//! every line is sent to the axum demo over real HTTP and answers the error it names, and
//! every error code the scenario can send has a line.

#![cfg(all(feature = "axum", feature = "tracing"))]

#[path = "../examples/shared/axum_app.rs"]
mod axum_app;
mod common;
#[path = "common/demo_client.rs"]
mod demo_client;
#[path = "../examples/shared/scenario.rs"]
mod scenario;
#[path = "../examples/shared/tour.rs"]
mod tour;

use std::collections::BTreeSet;

use oauth_errors::OAuthError;

use common::raw_http;
use demo_client::{basic_header, server};
use tour::Body;

/// The error code a response carries: the JSON body's `error`, or the `error` parameter
/// of a redirect's `Location`; `None` for neither.
fn code_of(response: &raw_http::Response) -> Option<String> {
    if let Some(location) = response.header("location") {
        // Query or fragment response mode (RFC 6749 §4.1.2.1, §4.2.2.1).
        let params = location.split_once(['?', '#']).map(|(_, p)| p).unwrap_or_default();
        return params.split('&').find_map(|pair| pair.strip_prefix("error=")).map(str::to_owned);
    }
    if response.body.is_empty() {
        return None;
    }
    response.json()["error"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn every_tour_line_answers_the_error_it_names() {
    let addr = server().await;
    for stop in tour::stops() {
        let mut headers: Vec<Vec<u8>> =
            stop.headers.iter().map(|h| h.as_bytes().to_vec()).collect();
        if let Some((id, secret)) = stop.basic {
            headers.push(basic_header(id, secret));
        }
        let body = match &stop.body {
            Some(Body::Form(fields)) => {
                headers.push(b"Content-Type: application/x-www-form-urlencoded".to_vec());
                fields.join("&").into_bytes()
            }
            Some(Body::Json(document)) => {
                headers.push(b"Content-Type: application/json".to_vec());
                document.as_bytes().to_vec()
            }
            None => Vec::new(),
        };
        let raw = raw_http::request(addr, stop.method, &stop.target, &headers, &body);
        let response = raw_http::send_async(addr, &raw).await.unwrap_or_else(|e| panic!("{e}"));
        let line = stop.curl("http://HOST");
        assert_eq!(code_of(&response).as_deref(), stop.shows, "{line}\n{}", response.describe());
        if stop.shows.is_none() {
            assert_eq!(response.status, 401, "{line}");
            let challenge = response.header("www-authenticate").unwrap_or_default();
            assert_eq!(challenge, r#"Bearer realm="demo""#, "{line}");
        }
    }
}

/// `snake_case` → `UpperCamelCase`, the variant name of a code (pinned against the table by
/// `tests/taxonomy_docs.rs`).
fn upper_camel(code: &str) -> String {
    code.split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn the_tour_covers_every_error_the_scenario_can_send() {
    let source = include_str!("../examples/shared/scenario.rs");
    let named: BTreeSet<&str> = OAuthError::KNOWN
        .iter()
        .filter(|code| source.contains(&format!("OAuthError::{}", upper_camel(code.as_str()))))
        .map(OAuthError::as_str)
        .collect();
    let toured: BTreeSet<&str> = tour::stops().iter().filter_map(|stop| stop.shows).collect();
    assert_eq!(toured, named);
    // README.md: "one curl line for each of the 22 OAuth errors it can send".
    assert_eq!(toured.len(), 22);
    assert_eq!(tour::stops().iter().filter(|stop| stop.shows.is_none()).count(), 1);
}

#[test]
fn curl_lines_are_exact() {
    let lines = tour::curl_lines("http://127.0.0.1:8080");
    assert_eq!(lines.len(), tour::stops().len());
    assert_eq!(
        lines[0],
        "curl -i -u demo-client:wrong 'http://127.0.0.1:8080/token' -d 'grant_type=client_credentials'"
    );
    let api_read = "curl -i 'http://127.0.0.1:8080/api/read'";
    assert!(lines.iter().any(|l| l == api_read), "{lines:#?}");
    assert!(
        lines.iter().any(|l| l == "curl -i -X DELETE 'http://127.0.0.1:8080/api/read'"),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l
            == "curl -i 'http://127.0.0.1:8080/register' -H 'Content-Type: application/json' \
                -d '{\"redirect_uris\":[\"http://example.com/cb\"]}'"),
        "{lines:#?}"
    );
}
