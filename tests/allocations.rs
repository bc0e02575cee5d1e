//! The static fast path: a description-less error under the default contract is served
//! from the code table's precomputed `&'static` body — no serialisation, no body
//! allocation. The only allocations left are the `HeaderMap`'s own storage.
//!
//! Counted with `dhat`'s testing mode (one profiler per process, so one test function).

use oauth_errors::{Challenge, Endpoint, ErrorResponse, OAuthError, error_text};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

fn blocks_during(f: impl FnOnce()) -> u64 {
    let before = dhat::HeapStats::get().total_blocks;
    f();
    dhat::HeapStats::get().total_blocks - before
}

#[test]
fn static_fast_path() {
    let _profiler = dhat::Profiler::builder().testing().build();

    // Zero-copy: every bare code's response body *is* the table's bytes.
    for code in OAuthError::KNOWN {
        let response = code.to_response(Endpoint::Token);
        let static_body = code.info().static_body.as_bytes();
        assert_eq!(response.body().as_ref(), static_body);
        assert_eq!(response.body().as_ptr(), static_body.as_ptr(), "{code}");
    }

    // A bare render allocates only the header map's storage.
    let bare = blocks_during(|| drop(OAuthError::InvalidGrant.to_response(Endpoint::Token)));
    assert_eq!(bare, 2, "allocations for a bare-code render");

    // A description adds the serialised body: one buffer, allocated at its final size,
    // which the `Bytes` takes over without another allocation.
    let rich = OAuthError::InvalidGrant.with_description(error_text!("expired"));
    let with_description = blocks_during(|| drop(rich.to_response(Endpoint::Token)));
    assert_eq!(with_description, 3, "the header map and the body buffer");

    // A description and a challenge at a resource: plus the challenge's header value,
    // written into one buffer measured beforehand, which the value takes over.
    let resource = OAuthError::InvalidToken
        .with_description("The access token expired")
        .with_challenge(Challenge::bearer().realm("demo"));
    let challenged = blocks_during(|| drop(resource.to_response(Endpoint::Resource)));
    assert_eq!(challenged, 4, "the header map, the body and the challenge");
    let r = resource.to_response(Endpoint::Resource);
    assert_eq!(
        r.headers()["www-authenticate"],
        r#"Bearer realm="demo", error="invalid_token", error_description="The access token expired""#
    );
    assert_eq!(
        r.body().as_ref(),
        br#"{"error":"invalid_token","error_description":"The access token expired"}"#
    );

    // Building an error from a literal allocates nothing (the description is inline and
    // borrowed; no details box is needed).
    let built = blocks_during(|| {
        let e = ErrorResponse::new(OAuthError::InvalidGrant)
            .with_description(error_text!("The code has expired"))
            .at(Endpoint::Token);
        drop(e);
    });
    assert_eq!(built, 0);

    // Reading a plain RFC 6749 body: the description and the URI (owned copies) and the
    // box that holds the URI; the known code and the member names cost nothing.
    let body: &[u8] = br#"{"error":"invalid_grant","error_description":"The authorization code has expired","error_uri":"https://auth.example.com/docs/errors#invalid_grant"}"#;
    let parsed = blocks_during(|| drop(ErrorResponse::from_json(body).unwrap()));
    assert_eq!(parsed, 3, "description, URI and the box for the URI");
    let parsed = blocks_during(|| {
        drop(
            ErrorResponse::from_json(br#"{"error":"invalid_grant","error_description":"expired"}"#)
                .unwrap(),
        )
    });
    assert_eq!(parsed, 1, "the description alone");
}
