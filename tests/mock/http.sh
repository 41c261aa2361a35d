#!/usr/bin/env bash
# The mock on the seed pages, called with curl the ways the portal's clients call
# it: JSON, nested form and query parameters; webhook and OAuth; errors; HTTPS.
# usage: http.sh B24SPEC DOCS
B24_BIN=$1
DOCS=$2
source "$(dirname "$0")/lib.sh"
J=(-H 'Content-Type: application/json')
TIME_RE='"time":\{"start":[0-9]+\.[0-9]+,"finish":[0-9]+\.[0-9]+,"duration":[0-9.]+,"processing":[0-9.]+,"date_start":"[0-9T:+-]+","date_finish":"[0-9T:+-]+","operating":0\}\}$'

start_mock plain "$DOCS" --port 0
check "first stdout line names the address" grep -qE '^listening on http://127\.0\.0\.1:[1-9][0-9]*$' "$MOCK_TMP/plain.out"
H="$URL/rest/1/mocksecret"

# Success: the documented example with a fresh time object.
req "${J[@]}" -d '{"ID":1,"NAME":"Ann"}' "$H/user.update"
expect "JSON body, webhook" 200 '{"result":true,"time":{'
check "time object has every field" matches "$TIME_RE"
check "content type is JSON" grep -q '^application/json' <<<"$CTYPE"
start=$(sed -E 's/.*"start":([0-9]+)\..*/\1/' <<<"$BODY")
check "time.start is now, not the docs' 2024 value" test $((start - $(date +%s))) -ge -60 -a $((start - $(date +%s))) -le 60
req "${J[@]}" -d '{"ID":1,"NAME":"Ann"}' "$H/user.update.json"
expect ".json suffix" 200 '"result":true'
req "${J[@]}" -d '{"ID":1}' "$H/USER.Update"
expect "method names ignore case" 200 '"result":true'
req "${J[@]}" -d '{"ID":"1","UNKNOWN":{"deep":[1,2]}}' "$H/user.update"
expect "numeric strings and unknown params accepted" 200 '"result":true'

# Form-encoded bodies with PHP-style nested keys, and query strings.
req -d 'id=7&fields[SORT]=150&fields[MANDATORY]=Y&fields[EDIT_FORM_LABEL]=Label&fields[LIST][]=a&fields[LIST][]=b' "$H/user.userfield.update"
expect "nested form body" 200 '"result":true'
req --data-urlencode 'id=7' --data-urlencode 'fields[SORT]=not a number' "$H/user.userfield.update"
expect "nested form value of the wrong type: documented error" 400 '"error":""' '"error_description":"ID is not defined or invalid"'
req -d 'id=7&fields[SORT][]=1' "$H/user.userfield.update"
expect "array where the docs say integer" 400 '"error_description":"ID is not defined or invalid"'
req -d 'fields[SORT]=1' "$H/user.userfield.update"
expect "form body without required id" 400 '"error_description":"ID is not defined or invalid"'
req "$H/user.update?ID=3&NAME=Bob"
expect "GET with a query string" 200 '"result":true'
req "$H/user.update?NAME=Bob"
expect "GET without required ID: documented ERROR_CORE" 400 '"error":"ERROR_CORE"'
req "${J[@]}" -d '{"ID":"abc"}' "$H/user.update"
expect "ID of the wrong type: documented ERROR_CORE" 400 '"error":"ERROR_CORE"'
req "${J[@]}" -d '{"ID":{"a":1}}' "$H/user.update"
expect "object where the docs say integer" 400 '"error":"ERROR_CORE"'
req "${J[@]}" -d '{"NAME":"x"}' "$H/user.update?ID=4"
expect "query and JSON body together" 200 '"result":true'

# OAuth: the token in the JSON body, the query, a form body or a Bearer header.
O="$URL/rest"
req "${J[@]}" -d '{"ID":1,"auth":"mocktoken"}' "$O/user.update"
expect "OAuth, token in JSON body" 200 '"result":true'
req "$O/user.update?auth=mocktoken&ID=1"
expect "OAuth, token in query" 200 '"result":true'
req -d 'auth=mocktoken&ID=1' "$O/user.update.json"
expect "OAuth, token in form body, .json" 200 '"result":true'
req -H 'Authorization: Bearer mocktoken' "${J[@]}" -d '{"ID":1}' "$O/user.update"
expect "OAuth, Bearer header" 200 '"result":true'
req "${J[@]}" -d '{"ID":1,"auth":"wrong"}' "$O/user.update"
expect "OAuth, wrong token" 401 '{"error":"NO_AUTH_FOUND","error_description":"Wrong authorization data"}'
req "${J[@]}" -d '{"ID":1}' "$O/user.update"
expect "OAuth, no token" 401 '"error":"NO_AUTH_FOUND"'
req "${J[@]}" -d '{"ID":1}' "$URL/rest/1/wrongsecret/user.update"
expect "webhook, wrong secret" 401 '"error":"NO_AUTH_FOUND"'
req "${J[@]}" -d '{"ID":1}' "$URL/rest/2/mocksecret/user.update"
expect "webhook, wrong user" 401 '"error":"NO_AUTH_FOUND"'

# Errors of the transport.
req "${J[@]}" -d '{"ID":1}' "$H/user.nosuchmethod"
expect "unknown method" 404 '{"error":"ERROR_METHOD_NOT_FOUND","error_description":"Method not found!"}'
req "${J[@]}" -d '{"ID":1}' "$URL/rest/api/1/mocksecret/user.update"
expect "a classic method is not under /rest/api/" 404 '"error":"ERROR_METHOD_NOT_FOUND"'
req "$URL/index.html"
expect "a path outside /rest/" 404 '"error":"ERROR_METHOD_NOT_FOUND"'
req "${J[@]}" -d '{"ID":1,' "$H/user.update"
expect "malformed JSON" 400 '"error":"ERROR_INVALID_JSON"'
req "${J[@]}" -d '{"ID":"x","ID":2}' "$H/user.update"
expect "duplicate JSON keys: the last wins, as in PHP" 200 '"result":true'
req "${J[@]}" -d '[1,2]' "$H/user.update"
expect "a JSON body that is not an object" 400 '"error":"ERROR_INVALID_JSON"'
req -X PUT "${J[@]}" -d '{"ID":1}' "$H/user.update"
expect "PUT" 405 '"error":"ERROR_HTTP_METHOD_NOT_ALLOWED"'
head -c 1100000 /dev/zero | tr '\0' 'a' >"$MOCK_TMP/big"
req --data-binary "@$MOCK_TMP/big" "$H/user.update"
expect "body over --max-body (Content-Length)" 413 '"error":"ERROR_REQUEST_TOO_LARGE"'
req -H 'Transfer-Encoding: chunked' --data-binary "@$MOCK_TMP/big" "$H/user.update"
expect "chunked body over --max-body" 413 '"error":"ERROR_REQUEST_TOO_LARGE"'
req "${J[@]}" -d '{"ID":1}' "$H/user.update"
expect "still serving after the oversized bodies" 200 '"result":true'
stop_mock plain

# Options: another webhook and token, a small body limit, HTTPS required.
start_mock custom "$DOCS" --port 0 --webhook 7/s3cr3t --oauth-token tok --max-body 64 --require-https
req "${J[@]}" -d '{"ID":1}' "$URL/rest/7/s3cr3t/user.update"
expect "--require-https answers plain HTTP as the portal does" 400 '{"error":"INVALID_REQUEST","error_description":"Https required"}'
stop_mock custom
start_mock custom2 "$DOCS" --port 0 --webhook 7/s3cr3t --oauth-token tok --max-body 64
req "${J[@]}" -d '{"ID":1}' "$URL/rest/7/s3cr3t/user.update"
expect "--webhook USER/SECRET" 200 '"result":true'
req "${J[@]}" -d '{"ID":1}' "$URL/rest/1/mocksecret/user.update"
expect "the default webhook is off when --webhook is given" 401 '"error":"NO_AUTH_FOUND"'
req "$URL/rest/user.update?auth=tok&ID=1"
expect "--oauth-token" 200 '"result":true'
req "${J[@]}" -d "{\"ID\":1,\"NAME\":\"$(printf 'x%.0s' $(seq 80))\"}" "$URL/rest/7/s3cr3t/user.update"
expect "--max-body 64" 413 '"error":"ERROR_REQUEST_TOO_LARGE"'
stop_mock custom2

# IPv6 loopback, where the machine has one.
if grep -q '^00000000000000000000000000000001 ' /proc/net/if_inet6 2>/dev/null; then
  start_mock v6 "$DOCS" --port 0 --bind ::1
  check "IPv6 address printed in brackets" grep -qE '^listening on http://\[::1\]:[0-9]+$' "$MOCK_TMP/v6.out"
  req "${J[@]}" -d '{"ID":1}' "$URL/rest/1/mocksecret/user.update"
  expect "call over IPv6" 200 '"result":true'
  stop_mock v6
fi

# HTTPS with a self-signed certificate made now.
if command -v openssl >/dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$MOCK_TMP/key.pem" -out "$MOCK_TMP/cert.pem" 2>/dev/null
  start_mock tls "$DOCS" --port 0 --tls-cert "$MOCK_TMP/cert.pem" --tls-key "$MOCK_TMP/key.pem" --require-https
  check "HTTPS address printed" grep -qE '^listening on https://127\.0\.0\.1:[0-9]+$' "$MOCK_TMP/tls.out"
  req --cacert "$MOCK_TMP/cert.pem" "${J[@]}" -d '{"ID":1}' "$URL/rest/1/mocksecret/user.update"
  expect "HTTPS call, certificate verified" 200 '"result":true'
  req --cacert "$MOCK_TMP/cert.pem" "${J[@]}" -d '{"auth":"mocktoken"}' "$URL/rest/user.update"
  expect "HTTPS OAuth call without ID" 400 '"error":"ERROR_CORE"'
  req "${J[@]}" -d '{"ID":1}' "${URL/https:/http:}/rest/1/mocksecret/user.update" 2>/dev/null
  check "plain HTTP to the HTTPS port gets no JSON answer" test "$STATUS" != 200
  stop_mock tls
fi

# Command line.
"$B24_BIN" mock "$DOCS" --fault no-such-fault >/dev/null 2>&1
check "unknown fault is a usage error" test $? -eq 2
"$B24_BIN" mock "$DOCS" --port 70000 >/dev/null 2>&1
check "bad port is a usage error" test $? -eq 2
"$B24_BIN" mock "$DOCS" --bind localhost >/dev/null 2>&1
check "a --bind that is not a numeric address is a usage error" test $? -eq 2
"$B24_BIN" mock --port 0 >/dev/null 2>&1
check "no docs is a usage error" test $? -eq 2
"$B24_BIN" mock "$DOCS" --tls-cert x.pem >/dev/null 2>&1
check "--tls-cert without --tls-key is a usage error" test $? -eq 2
"$B24_BIN" mock "$DOCS" --tls-cert /nonexistent.pem --tls-key /nonexistent.pem >/dev/null 2>&1
check "unreadable certificate fails" test $? -eq 1
start_mock busy "$DOCS" --port 0
"$B24_BIN" mock "$DOCS" --port "${URL##*:}" >/dev/null 2>"$MOCK_TMP/inuse.err"
check "a port in use fails with exit 1" test $? -eq 1
check "and says so" grep -q 'cannot listen' "$MOCK_TMP/inuse.err"
stop_mock busy
finish
