#!/usr/bin/env bash
# The mock under valgrind: calls of every kind (success, validation errors, form
# and JSON bodies, auth failures, oversized and malformed bodies, the store),
# then SIGTERM. valgrind's exit status says whether it saw an error or a leak.
# usage: valgrind.sh B24SPEC DOCS CORPUS_ROOT
B24_BIN=$1
DOCS=$2
DEALS=$3/b24restdocs-2026-08-21/api-reference/crm/deals
command -v valgrind >/dev/null || { echo "SKIP: no valgrind"; exit 77; }
source "$(dirname "$0")/lib.sh"
MOCK_WRAP=(valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect
  --show-leak-kinds=definite,indirect --log-file="$MOCK_TMP/valgrind.log")
J=(-H 'Content-Type: application/json')

start_mock vg "$DOCS" --port 0 --max-body 4096
H="$URL/rest/1/mocksecret"
req "${J[@]}" -d '{"ID":1,"NAME":"x"}' "$H/user.update"
expect "success" 200 '"result":true'
req -d 'id=1&fields[SORT]=1&fields[L][]=a&fields[L][]=b&fields[X][0][Y]=z' "$H/user.userfield.update"
expect "nested form" 200 '"result":true'
req "$H/user.update?NAME=x"
expect "missing param" 400 '"error":'
req "${J[@]}" -d '{"ID":[1]}' "$H/user.update"
expect "wrong type" 400 '"error":'
req "${J[@]}" -d '{"ID":1,"auth":"bad"}' "$URL/rest/user.update"
expect "bad token" 401 NO_AUTH_FOUND
req "${J[@]}" -d '{"ID":' "$H/user.update"
expect "malformed JSON" 400 ERROR_INVALID_JSON
head -c 10000 /dev/zero | tr '\0' 'a' >"$MOCK_TMP/big"
req --data-binary "@$MOCK_TMP/big" "$H/user.update"
expect "oversized" 413 ERROR_REQUEST_TOO_LARGE
req -H 'Transfer-Encoding: chunked' --data-binary "@$MOCK_TMP/big" "$H/user.update"
expect "oversized, chunked" 413 ERROR_REQUEST_TOO_LARGE
req "$H/no.such"
expect "unknown method" 404 ERROR_METHOD_NOT_FOUND
stop_mock vg
check "valgrind saw no error or leak" test ! -s "$MOCK_TMP/valgrind.log"
cat "$MOCK_TMP/valgrind.log"

if [ -d "$DEALS" ]; then
  start_mock vgs "$DEALS"/crm-deal-{add,get,list,update,delete}.md --port 0 --fault wrong-field-type
  H="$URL/rest/1/mocksecret"
  req "${J[@]}" -d '{"fields":{"TITLE":"a","UF":[1,2]}}' "$H/crm.deal.add"
  expect "add" 200 '"result":'
  req "${J[@]}" -d '{"fields":{"TITLE":"b"}}' "$H/crm.deal.add"
  req "${J[@]}" -d '{"id":100001,"fields":{"TITLE":"c"}}' "$H/crm.deal.update"
  req "${J[@]}" -d '{"id":100001}' "$H/crm.deal.get"
  expect "get" 200 '"result":"mock-wrong-type"'
  req "${J[@]}" -d '{}' "$H/crm.deal.list"
  req "${J[@]}" -d '{"id":100002}' "$H/crm.deal.delete"
  req "${J[@]}" -d '{"id":100002}' "$H/crm.deal.get"
  expect "get deleted" 400 '"error":'
  stop_mock vgs
  check "valgrind saw no error or leak in the store" test ! -s "$MOCK_TMP/valgrind.log"
  cat "$MOCK_TMP/valgrind.log"
fi
finish
