//! [`FormParams`]: strict `application/x-www-form-urlencoded` parameters (RFC 6749 §3.1,
//! Appendix B), and a small serde deserializer so handlers can still read them as their
//! own types.

use core::fmt;

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};

use crate::extract::headers::{RequestHeaders, content_type_is};
use crate::taxonomy::code::OAuthError;
use crate::wire::error::ErrorResponse;
use crate::wire::text::ErrorText;

/// Why a form could not be read. Each becomes an `invalid_request`
/// ([`From<FormError> for ErrorResponse`](ErrorResponse#impl-From<FormError>-for-ErrorResponse))
/// whose description is this error's `Display` text, request-derived parts cut at 64
/// characters and passed through the lossy [text policy](crate::text).
///
/// ```
/// use oauth_errors::extract::{FormError, FormParams};
/// use oauth_errors::ErrorResponse;
///
/// let err = FormParams::parse(b"a=1&a=2")?.check_unique().unwrap_err();
/// assert_eq!(err, FormError::Repeated("a".into()));
/// assert_eq!(
///     ErrorResponse::from(err).to_body().as_ref(),
///     br#"{"error":"invalid_request","error_description":"Parameter a is repeated"}"#
/// );
/// # Ok::<(), FormError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormError {
    /// The body is not `application/x-www-form-urlencoded`.
    #[error("The request body must be application/x-www-form-urlencoded")]
    ContentType,
    /// A name or value is not UTF-8 once percent-decoded.
    #[error("The request body is not UTF-8 form data")]
    NotUtf8,
    /// A parameter occurs more than once (RFC 6749 §3.1: "MUST NOT be included more than
    /// once").
    #[error("Parameter {} is repeated", excerpt(.0))]
    Repeated(String),
    /// A parameter the handler's type requires is absent (or empty, which counts as
    /// absent: RFC 6749 §3.1).
    #[error("{0} is required")]
    Missing(String),
    /// A parameter's value does not fit the handler's type.
    #[error("Parameter {} is invalid", excerpt(.0))]
    Invalid(String),
    /// The parameters do not fit the handler's type (no single parameter to blame).
    #[error("The request parameters are invalid")]
    Unfit,
}

/// At most 64 characters of request-derived text, with `...` when cut.
pub(crate) fn excerpt(s: &str) -> String {
    let mut out: String = s.chars().take(64).collect();
    if out.len() < s.len() {
        out.push_str("...");
    }
    out
}

/// `invalid_request` with the error's text as the description (lossy text policy).
impl From<FormError> for ErrorResponse {
    fn from(e: FormError) -> Self {
        OAuthError::InvalidRequest.with_description(ErrorText::lossy(&e.to_string()))
    }
}

/// Decoded form parameters, in received order.
///
/// Parsing follows RFC 6749 Appendix B and §3.1: `&`-separated `name=value` pairs, `+` is
/// a space, `%XX` a byte (a `%` not followed by two hex digits is kept as it is, as
/// browsers do); names and values must be UTF-8 once decoded; **a parameter sent without a
/// value is treated as omitted**, so [`get`](Self::get) never returns an empty string.
///
/// ```
/// use oauth_errors::extract::FormParams;
///
/// let form = FormParams::parse(b"grant_type=client_credentials&scope=read+write&state=")?;
/// assert_eq!(form.get("scope"), Some("read write"));
/// assert_eq!(form.get("state"), None); // empty = omitted
/// assert_eq!(form.len(), 2);
/// # Ok::<(), oauth_errors::extract::FormError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormParams {
    pairs: Vec<(String, String)>,
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-decodes one form component (`+` is a space).
pub(crate) fn decode_component(input: &[u8]) -> Result<String, FormError> {
    // Most names and values have nothing to decode: one copy and one UTF-8 check.
    if !input.iter().any(|&b| b == b'%' || b == b'+') {
        return String::from_utf8(input.to_vec()).map_err(|_| FormError::NotUtf8);
    }
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hi = input.get(i + 1).copied().and_then(hex_value);
                let lo = input.get(i + 2).copied().and_then(hex_value);
                if let (Some(hi), Some(lo)) = (hi, lo) {
                    out.push(hi << 4 | lo);
                    i += 2;
                } else {
                    out.push(b'%');
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| FormError::NotUtf8)
}

impl FormParams {
    /// Decodes `application/x-www-form-urlencoded` bytes (a request body or a raw query
    /// string). Repeated parameters are kept: see [`check_unique`](Self::check_unique).
    ///
    /// # Errors
    ///
    /// [`FormError::NotUtf8`] when a decoded name or value is not UTF-8.
    ///
    /// ```
    /// use oauth_errors::extract::{FormError, FormParams};
    ///
    /// let form = FormParams::parse(b"a=%22x%22&b=100%&&c")?;
    /// assert_eq!(form.get("a"), Some("\"x\""));
    /// assert_eq!(form.get("b"), Some("100%"));
    /// assert_eq!(FormParams::parse(b"a=%FF"), Err(FormError::NotUtf8));
    /// # Ok::<(), FormError>(())
    /// ```
    pub fn parse(input: &[u8]) -> Result<FormParams, FormError> {
        // Sized for the pieces, at most 16 ahead: a body of bare `&`s must not reserve memory
        // in proportion to its length for pairs it never holds.
        let mut pairs =
            Vec::with_capacity((input.iter().filter(|&&b| b == b'&').count() + 1).min(16));
        for piece in input.split(|&b| b == b'&') {
            if piece.is_empty() {
                continue;
            }
            let (name, value) = match piece.iter().position(|&b| b == b'=') {
                Some(i) => (&piece[..i], &piece[i + 1..]),
                None => (piece, &b""[..]),
            };
            let (name, value) = (decode_component(name)?, decode_component(value)?);
            if !name.is_empty() && !value.is_empty() {
                pairs.push((name, value));
            }
        }
        Ok(FormParams { pairs })
    }

    /// A request body as token-style endpoints read it: `Content-Type` must be
    /// `application/x-www-form-urlencoded` (parameters such as `charset` are ignored; a
    /// missing or repeated `Content-Type` is not), the body must [parse](Self::parse), and
    /// no parameter may be repeated.
    ///
    /// # Errors
    ///
    /// [`FormError::ContentType`], [`FormError::NotUtf8`] or [`FormError::Repeated`].
    ///
    /// ```
    /// use http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};
    /// use oauth_errors::extract::{FormError, FormParams};
    ///
    /// let mut headers = HeaderMap::new();
    /// assert_eq!(FormParams::from_body(&headers, b"a=1"), Err(FormError::ContentType));
    /// headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/x-www-form-urlencoded; charset=UTF-8"));
    /// assert_eq!(FormParams::from_body(&headers, b"a=1")?.get("a"), Some("1"));
    /// # Ok::<(), FormError>(())
    /// ```
    pub fn from_body(
        headers: &(impl RequestHeaders + ?Sized),
        body: &[u8],
    ) -> Result<FormParams, FormError> {
        if !content_type_is(headers, "application/x-www-form-urlencoded") {
            return Err(FormError::ContentType);
        }
        let params = FormParams::parse(body)?;
        params.check_unique()?;
        Ok(params)
    }

    /// Checks that no parameter occurs twice (RFC 6749 §3.1).
    ///
    /// # Errors
    ///
    /// [`FormError::Repeated`] naming the first repeated parameter (see the
    /// [`FormError`] example).
    pub fn check_unique(&self) -> Result<(), FormError> {
        match self.repeated() {
            Some(name) => Err(FormError::Repeated(name.to_owned())),
            None => Ok(()),
        }
    }

    /// The value of `name`, if present (the first one if repeated; see the
    /// [type-level example](FormParams)).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// The first parameter name that occurs more than once.
    ///
    /// ```
    /// use oauth_errors::extract::FormParams;
    ///
    /// assert_eq!(FormParams::parse(b"a=1&b=2&b=3&a=4")?.repeated(), Some("b"));
    /// # Ok::<(), oauth_errors::extract::FormError>(())
    /// ```
    pub fn repeated(&self) -> Option<&str> {
        self.pairs
            .iter()
            .enumerate()
            .find(|(i, (n, _))| self.pairs[..*i].iter().any(|(m, _)| m == n))
            .map(|(_, (n, _))| n.as_str())
    }

    /// Whether `name` occurs more than once.
    ///
    /// ```
    /// use oauth_errors::extract::FormParams;
    ///
    /// let form = FormParams::parse(b"scope=a&scope=b")?;
    /// assert!(form.is_repeated("scope") && !form.is_repeated("state"));
    /// # Ok::<(), oauth_errors::extract::FormError>(())
    /// ```
    pub fn is_repeated(&self, name: &str) -> bool {
        self.pairs.iter().filter(|(n, _)| n == name).count() > 1
    }

    /// Every `(name, value)` pair, in received order.
    ///
    /// ```
    /// use oauth_errors::extract::FormParams;
    ///
    /// let form = FormParams::parse(b"b=2&a=1")?;
    /// assert_eq!(form.iter().collect::<Vec<_>>(), [("b", "2"), ("a", "1")]);
    /// # Ok::<(), oauth_errors::extract::FormError>(())
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }

    /// The number of parameters (see the [type-level example](FormParams)).
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether there are no parameters.
    ///
    /// ```
    /// assert!(oauth_errors::extract::FormParams::parse(b"a=&&")?.is_empty());
    /// # Ok::<(), oauth_errors::extract::FormError>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The parameters as the handler's own type, with serde. Values are strings; numbers
    /// and booleans are parsed from them, `Option` fields are `None` when the parameter is
    /// absent (or empty), enums match a unit variant by name. Unknown parameters are
    /// ignored unless the type says `#[serde(deny_unknown_fields)]`.
    ///
    /// # Errors
    ///
    /// [`FormError::Missing`] for a required parameter that is absent,
    /// [`FormError::Invalid`] for a value that does not fit, [`FormError::Unfit`]
    /// otherwise.
    ///
    /// ```
    /// use oauth_errors::extract::{FormError, FormParams};
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Token { grant_type: String, scope: Option<String>, max_age: Option<u32> }
    ///
    /// let t: Token = FormParams::parse(b"grant_type=client_credentials&max_age=60")?.deserialize()?;
    /// assert_eq!((t.grant_type.as_str(), t.scope, t.max_age), ("client_credentials", None, Some(60)));
    ///
    /// let missing = FormParams::parse(b"scope=read")?.deserialize::<Token>();
    /// assert_eq!(missing.err(), Some(FormError::Missing("grant_type".into())));
    /// let invalid = FormParams::parse(b"grant_type=x&max_age=soon")?.deserialize::<Token>();
    /// assert_eq!(invalid.err(), Some(FormError::Invalid("max_age".into())));
    /// # Ok::<(), FormError>(())
    /// ```
    pub fn deserialize<T: DeserializeOwned>(&self) -> Result<T, FormError> {
        T::deserialize(Params(&self.pairs)).map_err(|e| match e {
            DeError::Missing(name) => FormError::Missing(name.to_owned()),
            DeError::Field(name) => FormError::Invalid(name),
            DeError::Custom(_) => FormError::Unfit,
        })
    }
}

/// Reads the parameters as a map of names to values (used when `FormParams` itself is
/// the form type of an extractor).
impl<'de> serde::Deserialize<'de> for FormParams {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FormParams;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("form parameters")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<FormParams, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, String>()? {
                    pairs.push(pair);
                }
                Ok(FormParams { pairs })
            }
        }
        deserializer.deserialize_map(V)
    }
}

// ---------------------------------------------------------------------------------------
// The deserializer
// ---------------------------------------------------------------------------------------

#[derive(Debug)]
enum DeError {
    Missing(&'static str),
    Field(String),
    Custom(String),
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeError::Missing(n) => write!(f, "missing {n}"),
            DeError::Field(n) => write!(f, "invalid {n}"),
            DeError::Custom(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::Custom(msg.to_string())
    }
    fn missing_field(field: &'static str) -> Self {
        DeError::Missing(field)
    }
}

struct Params<'a>(&'a [(String, String)]);

impl<'de> de::Deserializer<'de> for Params<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(Entries { pairs: self.0.iter(), value: None })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

struct Entries<'de, I> {
    pairs: I,
    value: Option<(&'de str, &'de str)>,
}

impl<'de, I: Iterator<Item = &'de (String, String)>> de::MapAccess<'de> for Entries<'de, I> {
    type Error = DeError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some((name, value)) = self.pairs.next() else { return Ok(None) };
        self.value = Some((name, value));
        let key: de::value::BorrowedStrDeserializer<'de, DeError> =
            de::value::BorrowedStrDeserializer::new(name);
        seed.deserialize(key).map(Some).map_err(|_| DeError::Field(name.clone()))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DeError> {
        let (name, value) = self.value.take().ok_or_else(|| DeError::Custom("no value".into()))?;
        seed.deserialize(Value(value)).map_err(|e| match e {
            DeError::Missing(m) => DeError::Missing(m),
            _ => DeError::Field(name.to_owned()),
        })
    }
}

/// One parameter value: a string that numbers, booleans, options and unit enum variants
/// are read from.
struct Value<'de>(&'de str);

macro_rules! parse_value {
    ($($method:ident => $visit:ident,)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            match self.0.parse() {
                Ok(v) => visitor.$visit(v),
                Err(_) => Err(de::Error::invalid_value(de::Unexpected::Str(self.0), &visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    parse_value! {
        deserialize_bool => visit_bool,
        deserialize_i8 => visit_i8,
        deserialize_i16 => visit_i16,
        deserialize_i32 => visit_i32,
        deserialize_i64 => visit_i64,
        deserialize_u8 => visit_u8,
        deserialize_u16 => visit_u16,
        deserialize_u32 => visit_u32,
        deserialize_u64 => visit_u64,
        deserialize_f32 => visit_f32,
        deserialize_f64 => visit_f64,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(IntoDeserializer::<DeError>::into_deserializer(self.0))
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit unit_struct seq tuple tuple_struct
        map struct identifier ignored_any
    }
}
