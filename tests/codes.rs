//! Taxonomy tests: the `OAuthError` enum, its string conversions, the code table, and the
//! registries it is measured against (the IANA "OAuth Extensions Error Registry" and the
//! specification-defined codes of `standards.md` §1).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::str::FromStr;

use oauth_errors::text::{MAX_CODE_LEN, TextError};
use oauth_errors::{ClientAction, Endpoint, ErrorResponse, OAuthError, Registry, extension_code};
use strum::{EnumCount, IntoEnumIterator};

// ---------------------------------------------------------------------------------------
// Reference lists (hard-coded on purpose: they are what the table is checked against)
// ---------------------------------------------------------------------------------------

/// The 49 distinct names of the IANA "OAuth Extensions Error Registry"
/// (standards.md §1.1, 50 rows; `access_denied` is registered twice).
const IANA: [&str; 49] = [
    "invalid_request",
    "unauthorized_client",
    "access_denied",
    "unsupported_response_type",
    "invalid_scope",
    "server_error",
    "temporarily_unavailable",
    "invalid_client",
    "invalid_grant",
    "unsupported_grant_type",
    "invalid_token",
    "insufficient_scope",
    "unsupported_token_type",
    "interaction_required",
    "login_required",
    "account_selection_required",
    "consent_required",
    "invalid_request_uri",
    "invalid_request_object",
    "request_not_supported",
    "request_uri_not_supported",
    "registration_not_supported",
    "need_info",
    "request_denied",
    "request_submitted",
    "invalid_redirect_uri",
    "invalid_client_metadata",
    "invalid_software_statement",
    "unapproved_software_statement",
    "authorization_pending",
    // row 31, `access_denied` (RFC 8628), is a duplicate name
    "slow_down",
    "expired_token",
    "invalid_target",
    "unsupported_pop_key",
    "incompatible_ace_profiles",
    "invalid_authorization_details",
    "invalid_dpop_proof",
    "use_dpop_nonce",
    "insufficient_user_authentication",
    "invalid_issuer",
    "invalid_subject",
    "invalid_trust_anchor",
    "invalid_trust_chain",
    "invalid_metadata",
    "not_found",
    "unsupported_parameter",
    "vp_formats_not_supported",
    "invalid_request_uri_method",
    "wallet_unavailable",
];

/// The 17 codes the seed APIs use.
const SEEDS: [&str; 17] = [
    "invalid_request",
    "invalid_client",
    "invalid_grant",
    "invalid_scope",
    "unsupported_grant_type",
    "unauthorized_client",
    "access_denied",
    "unsupported_response_type",
    "server_error",
    "temporarily_unavailable",
    "invalid_token",
    "insufficient_scope",
    "duplicate",
    "invalid_permission",
    "too_many_requests",
    "endpoint_disabled",
    "method_not_allowed",
];

/// The product-level codes among the seeds (not defined by any OAuth specification).
const PRODUCT: [&str; 5] = [
    "duplicate",
    "invalid_permission",
    "too_many_requests",
    "endpoint_disabled",
    "method_not_allowed",
];

/// The OpenID CIBA Core 1.0 codes of standards.md §1.3 (absent from the IANA registry).
const CIBA: [&str; 6] = [
    "expired_login_hint_token",
    "unknown_user_id",
    "missing_user_code",
    "invalid_user_code",
    "invalid_binding_message",
    "transaction_failed",
];

/// Every other specification-defined, unregistered code of standards.md §1.3.
const OTHER_SPECIFICATION: [&str; 9] = [
    "unmet_authentication_requirements",
    "invalid_transaction_data",
    "invalid_credential_request",
    "unknown_credential_configuration",
    "unknown_credential_identifier",
    "invalid_proof",
    "invalid_nonce",
    "invalid_encryption_parameters",
    "credential_request_denied",
];

fn known(code: &str) -> OAuthError {
    let c = OAuthError::from_code(code).unwrap_or_else(|e| panic!("{code}: {e}"));
    assert!(c.is_known(), "{code} is not a known variant: {c:?}");
    c
}

fn codes_with(registry: Registry) -> BTreeSet<&'static str> {
    OAuthError::KNOWN
        .iter()
        .filter(|c| c.info().registry == registry)
        .map(|c| c.info().code)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------

#[test]
fn known_count_and_uniqueness() {
    assert_eq!(OAuthError::KNOWN.len(), 69);
    // strum's count includes `Extension`.
    assert_eq!(OAuthError::COUNT, OAuthError::KNOWN.len() + 1);
    let wire: HashSet<&str> = OAuthError::KNOWN.iter().map(|c| c.as_str()).collect();
    assert_eq!(wire.len(), 69, "wire strings are not unique");
    let variants: HashSet<&OAuthError> = OAuthError::KNOWN.iter().collect();
    assert_eq!(variants.len(), 69, "KNOWN lists a variant twice");
    assert!(OAuthError::KNOWN.iter().all(OAuthError::is_known));
}

#[test]
fn every_known_code_round_trips_through_every_conversion() {
    for code in OAuthError::KNOWN {
        let s = code.info().code;
        assert_eq!(code.as_str(), s);
        assert_eq!(code.to_string(), s, "Display");
        assert_eq!(AsRef::<str>::as_ref(code), s, "AsRef<str>");
        assert_eq!(String::from(code.clone()), s, "String::from");
        assert_eq!(format!("{code:?}"), format!("OAuthError({s})"), "Debug");
        assert!(*code == *s && *code == s, "PartialEq<str>");

        assert_eq!(OAuthError::from_code(s).as_ref(), Ok(code), "from_code");
        assert_eq!(OAuthError::from_code(code.as_str()).as_ref(), Ok(code));
        assert_eq!(OAuthError::from_static(s).as_ref(), Ok(code), "from_static");
        assert_eq!(OAuthError::from_str(s).as_ref(), Ok(code), "FromStr");
        assert_eq!(s.parse::<OAuthError>().as_ref(), Ok(code), "parse");
        assert_eq!(OAuthError::try_from(s).as_ref(), Ok(code), "TryFrom<&str>");
        assert_eq!(OAuthError::try_from(s.to_owned()).as_ref(), Ok(code), "TryFrom<String>");

        let json = serde_json::to_string(code).unwrap();
        assert_eq!(json, format!("\"{s}\""), "serde serialize");
        let back: OAuthError = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, code, "serde deserialize (visit_str)");
        let back: OAuthError = serde_json::from_value(serde_json::Value::String(s.into())).unwrap();
        assert_eq!(&back, code, "serde deserialize (visit_string)");
        let back: OAuthError = serde_json::from_reader(json.as_bytes()).unwrap();
        assert_eq!(&back, code, "serde deserialize (reader)");

        // ErrorResponse conversions keep the code.
        assert_eq!(ErrorResponse::from(code.clone()).code(), code);
        assert_eq!(ErrorResponse::new(code.clone()).to_string(), s);
    }
}

#[test]
fn known_codes_are_within_the_code_charset() {
    for code in OAuthError::KNOWN {
        let s = code.as_str();
        assert!(!s.is_empty() && s.len() <= MAX_CODE_LEN);
        assert!(
            s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{s}: registered codes are lower-case snake_case"
        );
        assert!(!s.starts_with('_') && !s.ends_with('_') && !s.contains("__"), "{s}");
    }
}

// ---------------------------------------------------------------------------------------
// Registry membership
// ---------------------------------------------------------------------------------------

#[test]
fn iana_list_is_49_distinct_names() {
    let set: BTreeSet<&str> = IANA.iter().copied().collect();
    assert_eq!(set.len(), 49);
}

#[test]
fn every_iana_name_is_a_known_iana_variant() {
    for name in IANA {
        let code = known(name);
        assert_eq!(code.as_str(), name);
        assert_eq!(code.info().registry, Registry::Iana, "{name}");
    }
}

#[test]
fn every_iana_variant_is_in_the_registry() {
    let expected: BTreeSet<&str> = IANA.iter().copied().collect();
    assert_eq!(codes_with(Registry::Iana), expected);
}

#[test]
fn seed_codes_are_known_with_the_right_registry() {
    for name in SEEDS {
        let code = known(name);
        let want = if PRODUCT.contains(&name) { Registry::Product } else { Registry::Iana };
        assert_eq!(code.info().registry, want, "{name}");
    }
    // And every product-level variant is one of the seed product codes.
    let expected: BTreeSet<&str> = PRODUCT.iter().copied().collect();
    assert_eq!(codes_with(Registry::Product), expected);
}

#[test]
fn ciba_codes_are_known_specification_codes() {
    for name in CIBA {
        let code = known(name);
        assert_eq!(code.info().registry, Registry::Specification, "{name}");
        assert!(code.info().spec.document.contains("CIBA"), "{name}: {}", code.info().spec);
    }
}

#[test]
fn every_specification_variant_is_listed_in_standards_1_3() {
    for name in OTHER_SPECIFICATION {
        assert_eq!(known(name).info().registry, Registry::Specification, "{name}");
    }
    let expected: BTreeSet<&str> = CIBA.iter().chain(&OTHER_SPECIFICATION).copied().collect();
    assert_eq!(codes_with(Registry::Specification), expected);
}

#[test]
fn registries_partition_the_known_codes() {
    let total = codes_with(Registry::Iana).len()
        + codes_with(Registry::Specification).len()
        + codes_with(Registry::Product).len();
    assert_eq!(total, OAuthError::KNOWN.len());
    assert_eq!((IANA.len(), CIBA.len() + OTHER_SPECIFICATION.len(), PRODUCT.len()), (49, 15, 5));
}

#[test]
fn registry_display() {
    assert_eq!(Registry::Iana.to_string(), "iana");
    assert_eq!(Registry::Specification.to_string(), "specification");
    assert_eq!(Registry::Product.to_string(), "product");
}

// ---------------------------------------------------------------------------------------
// Extension codes
// ---------------------------------------------------------------------------------------

#[test]
fn extension_code_normalisation() {
    let code = OAuthError::from_code("example_invalid").unwrap();
    assert!(matches!(code, OAuthError::Extension(_)));
    assert!(!code.is_known());
    assert!(code.known_info().is_none());
    assert_eq!(code.as_str(), "example_invalid");
    assert_eq!(code.to_string(), "example_invalid");
    assert_eq!(AsRef::<str>::as_ref(&code), "example_invalid");
    assert_eq!(format!("{code:?}"), r#"Extension("example_invalid")"#);
    assert_eq!(String::from(code.clone()), "example_invalid");
    assert_eq!(OAuthError::from_code(code.as_str()).unwrap(), code);
    assert_eq!(OAuthError::from_static("example_invalid").unwrap(), code);
    assert_eq!("example_invalid".parse::<OAuthError>().unwrap(), code);
    assert_eq!(OAuthError::try_from("example_invalid").unwrap(), code);
    assert_eq!(OAuthError::try_from(String::from("example_invalid")).unwrap(), code);
    assert_eq!(serde_json::to_string(&code).unwrap(), r#""example_invalid""#);
    assert_eq!(serde_json::from_str::<OAuthError>(r#""example_invalid""#).unwrap(), code);
    assert_eq!(
        serde_json::from_value::<OAuthError>(serde_json::json!("example_invalid")).unwrap(),
        code
    );

    // The generic row: 400 everywhere, fix the request, RFC 6749 §8.5, empty code.
    let info = code.info();
    assert_eq!(info.code, "");
    assert_eq!(info.static_body, "");
    assert_eq!(info.status, 400);
    assert!(info.endpoint_status.is_empty());
    assert_eq!(info.action, ClientAction::FixRequest);
    assert_eq!(info.spec.to_string(), "RFC 6749 §8.5");
    assert!(info.redirectable);
    for e in Endpoint::ALL {
        assert_eq!(code.status_at(e), 400);
    }

    // Hash and Eq do not depend on how the string is held.
    let mut set = HashSet::new();
    set.insert(OAuthError::from_static("example_invalid").unwrap());
    assert!(set.contains(&code));

    // Spaces are within the charset (NQSCHAR includes %x20).
    let spaced = OAuthError::from_code("example invalid").unwrap();
    assert_eq!(spaced.as_str(), "example invalid");
}

#[test]
fn a_known_string_never_becomes_an_extension() {
    for code in OAuthError::KNOWN {
        let s = code.as_str();
        let parsed = [
            OAuthError::from_code(s).unwrap(),
            OAuthError::from_static(code.info().code).unwrap(),
            OAuthError::try_from(s.to_owned()).unwrap(),
            serde_json::from_value(serde_json::json!(s)).unwrap(),
            ErrorResponse::from_json(format!(r#"{{"error":"{s}"}}"#).as_bytes())
                .unwrap()
                .code()
                .clone(),
        ];
        for p in parsed {
            assert!(p.is_known(), "{s} parsed as {p:?}");
            assert_eq!(&p, code);
        }
    }
}

#[test]
fn codes_are_case_sensitive() {
    let upper = OAuthError::from_code("INVALID_GRANT").unwrap();
    assert!(matches!(upper, OAuthError::Extension(_)));
    assert_ne!(upper, OAuthError::InvalidGrant);
    assert_eq!(upper.as_str(), "INVALID_GRANT");
    assert!(matches!(OAuthError::from_code("Invalid_Grant").unwrap(), OAuthError::Extension(_)));
    // A padded known code is not an extension either: leading and trailing spaces are
    // refused, so it cannot pass for a different code.
    assert_eq!(
        OAuthError::from_code(" invalid_grant"),
        Err(TextError::Forbidden { what: "error", offset: 0, ch: ' ' })
    );
    assert_eq!(
        OAuthError::from_code("invalid_grant "),
        Err(TextError::Forbidden { what: "error", offset: 13, ch: ' ' })
    );
    assert!(OAuthError::from_code("a b").is_ok(), "inner spaces stay allowed (RFC 6749 §8.5)");
    for code in OAuthError::KNOWN {
        let up = code.as_str().to_ascii_uppercase();
        assert!(!OAuthError::from_code(&up).unwrap().is_known(), "{up}");
    }
}

#[test]
fn invalid_codes_are_rejected_with_exact_errors() {
    let forbidden = |offset, ch| TextError::Forbidden { what: "error", offset, ch };
    let cases: Vec<(String, TextError)> = vec![
        (String::new(), TextError::Empty { what: "error" }),
        ("\"".into(), forbidden(0, '"')),
        ("a\"b".into(), forbidden(1, '"')),
        ("\\".into(), forbidden(0, '\\')),
        ("bad\\code".into(), forbidden(3, '\\')),
        ("bad\rcode".into(), forbidden(3, '\r')),
        ("bad\ncode".into(), forbidden(3, '\n')),
        ("\r\n".into(), forbidden(0, '\r')),
        ("tab\t".into(), forbidden(3, '\t')),
        ("nul\0".into(), forbidden(3, '\0')),
        ("del\x7f".into(), forbidden(3, '\x7f')),
        ("café".into(), forbidden(3, 'é')),
        ("é".into(), forbidden(0, 'é')),
        ("x\u{1F600}".into(), forbidden(1, '\u{1F600}')),
        ("a".repeat(129), TextError::TooLong { what: "error", len: 129, max: 128 }),
        // length is checked before the charset
        ("\n".repeat(200), TextError::TooLong { what: "error", len: 200, max: 128 }),
        ("é".repeat(65), TextError::TooLong { what: "error", len: 130, max: 128 }),
    ];
    for (input, want) in cases {
        assert_eq!(OAuthError::from_code(&input), Err(want.clone()), "from_code({input:?})");
        assert_eq!(OAuthError::from_str(&input), Err(want.clone()), "FromStr({input:?})");
        assert_eq!(OAuthError::try_from(input.as_str()), Err(want.clone()), "TryFrom<&str>");
        assert_eq!(OAuthError::try_from(input.clone()), Err(want.clone()), "TryFrom<String>");
        let leaked: &'static str = Box::leak(input.clone().into_boxed_str());
        assert_eq!(OAuthError::from_static(leaked), Err(want.clone()), "from_static");
        assert!(
            serde_json::from_value::<OAuthError>(serde_json::Value::String(input.clone())).is_err(),
            "serde accepted {input:?}"
        );
        assert!(
            serde_json::from_str::<OAuthError>(&serde_json::to_string(&input).unwrap()).is_err(),
            "serde accepted {input:?}"
        );
    }
}

#[test]
fn code_length_limit_is_inclusive() {
    assert_eq!(MAX_CODE_LEN, 128);
    let max = "a".repeat(128);
    assert_eq!(OAuthError::from_code(&max).unwrap().as_str(), max);
    // every byte of the charset is accepted (space only inside)
    let all: String =
        (0x21u8..=0x7E).filter(|b| *b != b'"' && *b != b'\\').map(char::from).collect();
    let all = format!("{} {}", &all[..10], &all[10..]);
    assert_eq!(OAuthError::from_code(&all).unwrap().as_str(), all);
}

#[test]
fn invalid_code_error_messages() {
    assert_eq!(OAuthError::from_code("").unwrap_err().to_string(), "error: empty value");
    assert_eq!(
        OAuthError::from_code("a\nb").unwrap_err().to_string(),
        "error: character U+000A at byte 1 is not allowed"
    );
    assert_eq!(
        OAuthError::from_code(&"a".repeat(129)).unwrap_err().to_string(),
        "error: 129 bytes, longer than the limit of 128"
    );
}

const ACME_QUOTA: OAuthError = extension_code!("acme_quota_exceeded");
static ACME_STATIC: OAuthError = extension_code!("acme static");

#[test]
fn extension_code_macro_works_in_const() {
    assert!(matches!(ACME_QUOTA, OAuthError::Extension(_)));
    assert_eq!(ACME_QUOTA.as_str(), "acme_quota_exceeded");
    assert_eq!(OAuthError::from_code("acme_quota_exceeded").unwrap(), ACME_QUOTA);
    assert_eq!(ACME_STATIC.as_str(), "acme static");
    assert_eq!(OAuthError::from_code("acme static").unwrap(), ACME_STATIC);
    const IN_FN: OAuthError = extension_code!("example_invalid");
    assert_eq!(IN_FN, OAuthError::from_code("example_invalid").unwrap());
    // usable as an expression too
    let e = extension_code!("x");
    assert_eq!(e.as_str(), "x");
    assert_eq!(
        ErrorResponse::new(ACME_QUOTA).to_body().as_ref(),
        br#"{"error":"acme_quota_exceeded"}"#
    );
}

// ---------------------------------------------------------------------------------------
// Table consistency
// ---------------------------------------------------------------------------------------

fn is_error_status(s: u16) -> bool {
    (400..=599).contains(&s)
        && http::StatusCode::from_u16(s).is_ok_and(|c| c.canonical_reason().is_some())
}

#[test]
fn every_status_in_the_table_is_a_registered_4xx_or_5xx() {
    for code in OAuthError::KNOWN {
        let info = code.info();
        assert!(is_error_status(info.status), "{}: {}", info.code, info.status);
        let mut seen = HashSet::new();
        for &(e, s) in info.endpoint_status {
            assert!(is_error_status(s), "{} @ {e}: {s}", info.code);
            assert!(seen.insert(e), "{} lists {e} twice", info.code);
            assert_ne!(
                s, info.status,
                "{} @ {e}: same as the default, should not be listed",
                info.code
            );
            assert_eq!(info.status_at(e), s);
            assert_eq!(code.status_at(e), s);
        }
        for e in Endpoint::ALL {
            assert!(is_error_status(code.status_at(e)));
        }
        assert_eq!(code.status(), info.status);
    }
}

#[test]
fn every_row_is_complete() {
    for code in OAuthError::KNOWN {
        let info = code.info();
        let c = info.code;
        assert!(info.spec.url.starts_with("https://"), "{c}: {}", info.spec.url);
        assert!(!info.spec.document.is_empty(), "{c}");
        assert!(info.spec.section.starts_with('§'), "{c}: {}", info.spec.section);
        assert_eq!(info.spec.to_string(), format!("{} {}", info.spec.document, info.spec.section));
        assert!(
            info.status_note.is_empty() || info.status_note.starts_with("**Status choice.**"),
            "{c}: {}",
            info.status_note
        );
        assert_eq!(info.static_body, format!("{{\"error\":\"{c}\"}}"), "{c}");
        assert!(!info.usage.is_empty(), "{c}");
        assert!(!info.description.is_empty() && info.description.ends_with('.'), "{c}");
        assert!(!info.causes.is_empty(), "{c}");
        assert!(info.causes.iter().all(|s| s.ends_with('.')), "{c}");
        assert!(!info.remedy.is_empty() && info.remedy.ends_with('.'), "{c}");
        assert_eq!(code.action(), info.action);
        assert!(std::ptr::eq(code.info(), code.known_info().unwrap()));
    }
}

#[test]
fn every_non_default_status_is_explained() {
    // A code whose status is not the RFC 6749 §5.2 default (400) somewhere, or that the
    // specs disagree on, carries a status note.
    for code in OAuthError::KNOWN {
        let info = code.info();
        let unusual = info.status != 400 && info.status != 401 && info.status != 403
            || !info.endpoint_status.is_empty();
        if unusual && info.registry != Registry::Iana {
            assert!(!info.status_note.is_empty(), "{} has no status note", info.code);
        }
    }
}

#[test]
fn spec_pinned_statuses() {
    use Endpoint::*;
    let pinned: &[(&str, Endpoint, u16)] = &[
        ("invalid_request", Token, 400),
        ("invalid_request", Resource, 400),
        ("invalid_client", Token, 400), // 401 only with header auth (tests/golden.rs)
        ("invalid_grant", Token, 400),
        ("unauthorized_client", Token, 400),
        ("unsupported_grant_type", Token, 400),
        ("invalid_scope", Token, 400),
        ("invalid_token", Resource, 401),
        ("insufficient_scope", Resource, 403),
        ("unsupported_token_type", Revocation, 400),
        ("invalid_redirect_uri", Registration, 400),
        ("invalid_client_metadata", Registration, 400),
        ("authorization_pending", Token, 400),
        ("slow_down", Token, 400),
        ("expired_token", Token, 400),
        ("access_denied", Token, 400),
        ("access_denied", Authorization, 400),
        ("access_denied", BackchannelAuthentication, 403),
        ("invalid_target", Token, 400),
        ("invalid_dpop_proof", Token, 400),
        ("invalid_dpop_proof", Resource, 401),
        ("use_dpop_nonce", Token, 400),
        ("use_dpop_nonce", PushedAuthorization, 400),
        ("use_dpop_nonce", Resource, 401),
        ("insufficient_user_authentication", Resource, 401),
        ("need_info", Token, 403),
        ("request_denied", Token, 403),
        ("request_submitted", Token, 403),
        ("invalid_issuer", Api, 404),
        ("invalid_subject", Api, 404),
        ("invalid_trust_anchor", Api, 404),
        ("invalid_trust_chain", Api, 400),
        ("invalid_metadata", Api, 400),
        ("not_found", Api, 404),
        ("unsupported_parameter", Api, 400),
        ("server_error", Token, 500),
        ("server_error", Api, 500),
        ("temporarily_unavailable", Token, 503),
        ("temporarily_unavailable", Revocation, 503),
        ("expired_login_hint_token", BackchannelAuthentication, 400),
        ("unknown_user_id", BackchannelAuthentication, 400),
        ("missing_user_code", BackchannelAuthentication, 400),
        ("invalid_user_code", BackchannelAuthentication, 400),
        ("invalid_binding_message", BackchannelAuthentication, 400),
        ("invalid_credential_request", Api, 400),
        ("invalid_proof", Api, 400),
        ("too_many_requests", Api, 429),
        ("too_many_requests", PushedAuthorization, 429),
        ("method_not_allowed", Api, 405),
        ("method_not_allowed", PushedAuthorization, 405),
        ("endpoint_disabled", Api, 404),
        ("invalid_permission", Api, 403),
        ("duplicate", Api, 400),
    ];
    for &(code, endpoint, status) in pinned {
        assert_eq!(known(code).status_at(endpoint), status, "{code} @ {endpoint}");
    }
}

/// The whole status matrix, pinned: default statuses that are not 400, and the only
/// per-endpoint differences the table may contain.
#[test]
fn full_status_matrix() {
    let non_400: BTreeMap<&str, u16> = [
        ("invalid_token", 401),
        ("insufficient_scope", 403),
        ("insufficient_user_authentication", 401),
        ("server_error", 500),
        ("temporarily_unavailable", 503),
        ("need_info", 403),
        ("request_denied", 403),
        ("request_submitted", 403),
        ("invalid_issuer", 404),
        ("invalid_subject", 404),
        ("invalid_trust_anchor", 404),
        ("not_found", 404),
        ("invalid_permission", 403),
        ("too_many_requests", 429),
        ("endpoint_disabled", 404),
        ("method_not_allowed", 405),
    ]
    .into_iter()
    .collect();
    let overrides: BTreeMap<(&str, &str), u16> = [
        (("access_denied", "backchannel_authentication"), 403),
        // The DPoP scheme wherever the proof accompanies an access token (RFC 9449 §7.1).
        (("invalid_dpop_proof", "resource"), 401),
        (("invalid_dpop_proof", "introspection"), 401),
        (("invalid_dpop_proof", "registration"), 401),
        (("invalid_dpop_proof", "api"), 401),
        (("use_dpop_nonce", "resource"), 401),
        (("use_dpop_nonce", "introspection"), 401),
        (("use_dpop_nonce", "registration"), 401),
        (("use_dpop_nonce", "api"), 401),
        // RFC 7662 §2.3: an under-privileged caller token at introspection is a 401.
        (("insufficient_scope", "introspection"), 401),
        // Federation 404 codes delivered as JSON at the authorization endpoint.
        (("invalid_issuer", "authorization"), 400),
        (("invalid_subject", "authorization"), 400),
        (("invalid_trust_anchor", "authorization"), 400),
        (("not_found", "authorization"), 400),
        // ... and at the pushed authorization request endpoint (RFC 9126 §2.3).
        (("invalid_issuer", "pushed_authorization"), 400),
        (("invalid_subject", "pushed_authorization"), 400),
        (("invalid_trust_anchor", "pushed_authorization"), 400),
        (("not_found", "pushed_authorization"), 400),
    ]
    .into_iter()
    .collect();
    for code in OAuthError::KNOWN {
        let c = code.as_str();
        let default = non_400.get(c).copied().unwrap_or(400);
        assert_eq!(code.status(), default, "{c}");
        for e in Endpoint::ALL {
            let want = overrides.get(&(c, e.as_str())).copied().unwrap_or(default);
            assert_eq!(code.status_at(e), want, "{c} @ {e}");
        }
    }
}

#[test]
fn exactly_the_non_redirectable_codes() {
    // RFC 6749 §4.1.2.1 for `invalid_client`; OpenID Federation 1.0 §12.1.3 (and §8.9)
    // for every code the federation specification defines.
    let expected: BTreeSet<&str> = [
        "invalid_client",
        "invalid_issuer",
        "invalid_subject",
        "invalid_trust_anchor",
        "invalid_trust_chain",
        "invalid_metadata",
        "not_found",
        "unsupported_parameter",
    ]
    .into_iter()
    .collect();
    let actual: BTreeSet<&str> =
        OAuthError::KNOWN.iter().filter(|c| !c.info().redirectable).map(|c| c.as_str()).collect();
    assert_eq!(actual, expected);
    // The federation group is exactly the OpenID Federation rows of the table.
    let federation: BTreeSet<&str> = OAuthError::KNOWN
        .iter()
        .filter(|c| c.info().spec.document == "OpenID Federation 1.0")
        .map(|c| c.as_str())
        .collect();
    assert_eq!(federation, &expected - &BTreeSet::from(["invalid_client"]));
}

/// The codes that reject the access token, and where a response carries a challenge
/// whatever its status (RFC 6750 §3, RFC 7662 §2.3, RFC 7591 §3.2.2).
#[test]
fn access_token_errors_and_where_they_are_challenged() {
    let actual: BTreeSet<&str> = OAuthError::KNOWN
        .iter()
        .filter(|c| c.info().access_token_error)
        .map(|c| c.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "invalid_token",
        "insufficient_scope",
        "insufficient_user_authentication",
        "invalid_dpop_proof",
        "use_dpop_nonce",
    ]
    .into_iter()
    .collect();
    assert_eq!(actual, expected);
    assert!(!OAuthError::from_code("example_invalid").unwrap().info().access_token_error);

    let protected: Vec<Endpoint> =
        Endpoint::ALL.into_iter().filter(|e| e.accepts_access_tokens()).collect();
    assert_eq!(
        protected,
        [Endpoint::Resource, Endpoint::Introspection, Endpoint::Registration, Endpoint::Api]
    );

    let mut challenged: BTreeSet<(&str, &str)> = BTreeSet::new();
    for code in OAuthError::KNOWN {
        for e in Endpoint::ALL {
            if code.info().challenged_at(e) {
                challenged.insert((code.as_str(), e.as_str()));
            }
        }
    }
    let mut want: BTreeSet<(&str, &str)> = BTreeSet::new();
    want.insert(("invalid_request", "resource"));
    for code in &expected {
        for e in ["resource", "introspection", "registration", "api"] {
            want.insert((code, e));
        }
    }
    assert_eq!(challenged, want);
    let ext = OAuthError::from_code("example_invalid").unwrap();
    assert!(Endpoint::ALL.iter().all(|&e| !ext.info().challenged_at(e)));

    // The endpoints' code lists (documentation) agree: every access-token error is used
    // wherever access tokens are accepted, and nowhere else unless its usage says so.
    for code in OAuthError::KNOWN.iter().filter(|c| c.info().access_token_error) {
        for e in Endpoint::ALL {
            let by_usage = e == Endpoint::Token && code.info().usage.contains("token error");
            assert_eq!(
                code.info().used_at(e),
                e.accepts_access_tokens() || by_usage,
                "{code} @ {e}"
            );
        }
    }
}

#[test]
fn status_notes_that_name_a_status_agree_with_the_table() {
    // A weak but useful drift check: a code whose default is 5xx/404/403/429/405 mentions
    // that number in its status note, when it has one.
    for code in OAuthError::KNOWN {
        let info = code.info();
        if !info.status_note.is_empty() && info.status != 400 {
            assert!(
                info.status_note.contains(&info.status.to_string()),
                "{}: note does not mention {}",
                info.code,
                info.status
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Client actions, size
// ---------------------------------------------------------------------------------------

#[test]
fn is_retryable_is_exactly_the_retry_actions() {
    let all: Vec<ClientAction> = ClientAction::iter().collect();
    assert_eq!(all.len(), 12);
    let retryable: BTreeSet<&str> =
        all.iter().filter(|a| a.is_retryable()).map(|a| a.as_str()).collect();
    let expected: BTreeSet<&str> =
        ["retry_later", "keep_polling", "slow_down", "retry_with_nonce"].into_iter().collect();
    assert_eq!(retryable, expected);
    assert!(ClientAction::RetryLater.is_retryable());
    assert!(ClientAction::KeepPolling.is_retryable());
    assert!(ClientAction::SlowDown.is_retryable());
    assert!(ClientAction::RetryWithNonce.is_retryable());
    for a in [
        ClientAction::FixRequest,
        ClientAction::FixClientConfiguration,
        ClientAction::Reauthenticate,
        ClientAction::RequestScope,
        ClientAction::StepUp,
        ClientAction::UserActionNeeded,
        ClientAction::Stop,
        ClientAction::ContactProvider,
    ] {
        assert!(!a.is_retryable(), "{a}");
    }
    assert_eq!(ClientAction::FixClientConfiguration.as_str(), "fix_client_configuration");
    assert_eq!(ClientAction::RetryWithNonce.to_string(), "retry_with_nonce");
}

#[test]
fn retryable_codes() {
    let actual: BTreeSet<&str> = OAuthError::KNOWN
        .iter()
        .filter(|c| c.action().is_retryable())
        .map(|c| c.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "temporarily_unavailable",
        "too_many_requests",
        "authorization_pending",
        "slow_down",
        "request_submitted",
        "use_dpop_nonce",
    ]
    .into_iter()
    .collect();
    assert_eq!(actual, expected);
    assert_eq!(OAuthError::SlowDown.action(), ClientAction::SlowDown);
    assert_eq!(OAuthError::AuthorizationPending.action(), ClientAction::KeepPolling);
    assert_eq!(OAuthError::UseDpopNonce.action(), ClientAction::RetryWithNonce);
    assert_eq!(OAuthError::InvalidGrant.action(), ClientAction::Reauthenticate);
    assert_eq!(OAuthError::InvalidClient.action(), ClientAction::FixClientConfiguration);
    assert_eq!(OAuthError::AccessDenied.action(), ClientAction::Stop);
    assert_eq!(OAuthError::LoginRequired.action(), ClientAction::UserActionNeeded);
    assert_eq!(OAuthError::ServerError.action(), ClientAction::ContactProvider);
}

/// Asking for a scope and stepping up are not re-authenticating (RFC 6750 §3.1, RFC 9470).
#[test]
fn scope_and_step_up_have_their_own_actions() {
    assert_eq!(OAuthError::InsufficientScope.action(), ClientAction::RequestScope);
    assert_eq!(OAuthError::InsufficientUserAuthentication.action(), ClientAction::StepUp);
    assert_eq!(ClientAction::RequestScope.as_str(), "request_scope");
    assert_eq!(ClientAction::StepUp.to_string(), "step_up");
    let only: Vec<&str> = OAuthError::KNOWN
        .iter()
        .filter(|c| matches!(c.action(), ClientAction::RequestScope | ClientAction::StepUp))
        .map(|c| c.as_str())
        .collect();
    assert_eq!(only, ["insufficient_scope", "insufficient_user_authentication"]);
}

#[test]
fn error_response_stays_small() {
    // The code (24 bytes: an extension code up to 22 bytes is stored inline) and one box.
    assert_eq!(std::mem::size_of::<OAuthError>(), 24);
    assert_eq!(std::mem::size_of::<ErrorResponse>(), 32);
    assert_eq!(std::mem::size_of::<Result<(), ErrorResponse>>(), 32);
    assert_eq!(std::mem::size_of::<Option<ErrorResponse>>(), 32);
}

#[test]
fn resource_access_errors_are_exactly_the_registered_ones() {
    let actual: BTreeSet<&str> = OAuthError::KNOWN
        .iter()
        .filter(|c| c.info().is_resource_access_error())
        .map(|c| c.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "invalid_request",
        "invalid_token",
        "insufficient_scope",
        "invalid_dpop_proof",
        "use_dpop_nonce",
        "insufficient_user_authentication",
    ]
    .into_iter()
    .collect();
    assert_eq!(actual, expected);
    assert!(!OAuthError::from_code("example_invalid").unwrap().info().is_resource_access_error());
}

#[test]
fn exactly_the_rfc_9449_codes_use_the_dpop_scheme() {
    let dpop: Vec<&str> =
        OAuthError::KNOWN.iter().filter(|c| c.info().is_dpop_error()).map(|c| c.as_str()).collect();
    assert_eq!(dpop, ["invalid_dpop_proof", "use_dpop_nonce"]);
}

/// The hashed lookup finds every known code, and only known codes: near misses (one
/// byte changed, cut, extended, other case) are extensions.
#[test]
fn code_lookup_is_exact_for_every_known_code_and_its_near_misses() {
    for code in OAuthError::KNOWN {
        let s = code.as_str();
        assert_eq!(&OAuthError::from_code(s).unwrap(), code);
        assert_eq!(&OAuthError::try_from(s.to_owned()).unwrap(), code);
        let mut near = vec![
            format!("{s}x"),
            format!("x{s}"),
            s[..s.len() - 1].to_owned(),
            s[1..].to_owned(),
            s.to_ascii_uppercase(),
        ];
        for i in 0..s.len() {
            let mut b = s.as_bytes().to_vec();
            b[i] = if b[i] == b'z' { b'y' } else { b'z' };
            near.push(String::from_utf8(b).unwrap());
        }
        for n in near {
            if OAuthError::KNOWN.iter().any(|k| k.as_str() == n) || n.is_empty() {
                continue;
            }
            let parsed = OAuthError::from_code(&n).unwrap();
            assert!(matches!(parsed, OAuthError::Extension(_)), "{n:?} parsed as {parsed:?}");
            assert_eq!(parsed.as_str(), n);
        }
    }
}

/// Extension codes are stored in place up to 22 bytes and on the heap beyond; every
/// length up to the maximum keeps its exact string, and equality, ordering and hashing
/// follow the string whichever way the code was built.
#[test]
fn extension_codes_of_every_length_keep_their_string() {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    fn hash(code: &OAuthError) -> u64 {
        let mut h = DefaultHasher::new();
        code.hash(&mut h);
        h.finish()
    }
    for len in 1..=oauth_errors::text::MAX_CODE_LEN {
        let s: String = (0..len).map(|i| (b'a' + (i % 26) as u8) as char).collect();
        let copied = OAuthError::from_code(&s).unwrap();
        let owned = OAuthError::try_from(s.clone()).unwrap();
        let leaked: &'static str = Box::leak(s.clone().into_boxed_str());
        let borrowed = OAuthError::from_static(leaked).unwrap();
        for code in [&copied, &owned, &borrowed] {
            assert!(matches!(code, OAuthError::Extension(_)), "{len}");
            assert_eq!(code.as_str(), s);
            assert_eq!(code.to_string(), s);
            assert_eq!(code, &copied);
            if let (OAuthError::Extension(x), OAuthError::Extension(y)) = (code, &copied) {
                assert_eq!(x.cmp(y), std::cmp::Ordering::Equal);
            }
            assert_eq!(hash(code), hash(&copied));
            assert_eq!(String::from(code.clone()), s);
        }
    }
    let (OAuthError::Extension(a), OAuthError::Extension(b)) =
        (OAuthError::from_code("acme_a").unwrap(), OAuthError::from_static("acme_b").unwrap())
    else {
        panic!("extensions expected")
    };
    assert!(a < b && a != b);
}

/// The perfect-hash lookup compares whole strings: every known code maps to itself, and a
/// string differing from a known code in any one byte (or by one byte of length) is an
/// extension code, never the known one.
#[test]
fn lookup_compares_every_byte() {
    for code in OAuthError::KNOWN {
        let s = code.as_str();
        assert_eq!(&OAuthError::from_code(s).unwrap(), code);
        for at in 0..s.len() {
            let mut near = s.as_bytes().to_vec();
            near[at] = if near[at] == b'x' { b'y' } else { b'x' };
            let near = String::from_utf8(near).unwrap();
            let parsed = OAuthError::from_code(&near).unwrap();
            assert!(!parsed.is_known() || parsed.as_str() == near, "{near} read as {parsed:?}");
            assert_eq!(parsed.as_str(), near);
        }
        for near in [format!("{s}x"), s[..s.len() - 1].to_string(), format!("x{s}")] {
            let parsed = OAuthError::from_code(&near).unwrap();
            assert_eq!(parsed.as_str(), near);
            assert_ne!(&parsed, code);
        }
    }
}
