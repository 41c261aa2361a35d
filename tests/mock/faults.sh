#!/usr/bin/env bash
# Every fault of --list-faults breaks its promise, and only with the fault: each
# probe is run against a clean mock (the documented answer) and against a mock
# with that one fault. lose-writes needs a family, so its probe
# runs on the corpus's crm.deal pages when the corpus is there.
# usage: faults.sh B24SPEC DOCS CORPUS_ROOT
B24_BIN=$1
DOCS=$2
DEALS=$3/b24restdocs-2026-08-21/api-reference/crm/deals
source "$(dirname "$0")/lib.sh"
J=(-H 'Content-Type: application/json')

# probe FAULT: makes the fault's request against $URL and checks the answer;
# $FAULTY is 1 when the server runs with the fault.
probe() {
  local H="$URL/rest/1/mocksecret"
  case $1 in
  wrong-status)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): status" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 202 || echo 200)" ;;
  missing-result-field)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): result field" test "$(has '"result":' && echo 0 || echo 1)" = "$FAULTY" ;;
  wrong-field-type)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): result type" test "$(has '"result":true' && echo 0 || echo 1)" = "$FAULTY"
    [ "$FAULTY" = 1 ] && check "$1: result is an object" has '"result":{"mock":"wrong-type"}' ;;
  undocumented-error)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): undocumented code" test "$(has MOCK_UNDOCUMENTED_ERROR && echo 1 || echo 0)" = "$FAULTY" ;;
  skip-required-check)
    req "${J[@]}" -d '{"NAME":"no ID"}' "$H/user.update"
    check "$1 (faulty=$FAULTY): missing ID" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 200 || echo 400)" ;;
  skip-type-check)
    req "${J[@]}" -d '{"ID":"not a number"}' "$H/user.update"
    check "$1 (faulty=$FAULTY): ID of the wrong type" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 200 || echo 400)" ;;
  no-time)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): time object" test "$(has '"time":{' && echo 0 || echo 1)" = "$FAULTY" ;;
  wrong-content-type)
    req "${J[@]}" -d '{"ID":1}' "$H/user.update"
    check "$1 (faulty=$FAULTY): content type $CTYPE" test "$(grep -q '^application/json' <<<"$CTYPE" && echo 0 || echo 1)" = "$FAULTY" ;;
  ignore-auth)
    req "${J[@]}" -d '{"ID":1}' "$URL/rest/1/wrong/user.update"
    check "$1 (faulty=$FAULTY): wrong secret" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 200 || echo 401)" ;;
  lose-writes)
    req "${J[@]}" -d '{"fields":{"TITLE":"before"}}' "$H/crm.deal.add"
    local id
    id=$(sed -nE 's/^\{"result":([0-9]+),.*/\1/p' <<<"$BODY")
    req "${J[@]}" -d "{\"id\":$id,\"fields\":{\"TITLE\":\"after\"}}" "$H/crm.deal.update"
    check "$1 (faulty=$FAULTY): update answers success" test "$STATUS" = 200
    req "${J[@]}" -d "{\"id\":$id}" "$H/crm.deal.get"
    check "$1 (faulty=$FAULTY): read after update" test "$(has '"TITLE":"after"' && echo 0 || echo 1)" = "$FAULTY" ;;
  list-ignores-start|list-drops-next|list-wrong-total|list-ignores-filter|list-ignores-select)
    # 52 items of the test family, then one list call that the fault answers wrongly
    local i
    for i in $(seq 1 52); do
      req "${J[@]}" -d "{\"fields\":{\"TITLE\":\"t$i\",\"SORT\":$i,\"ACTIVE\":\"Y\"}}" "$H/demo.item.add"
    done
    case $1 in
      list-ignores-start)
        req "${J[@]}" -d '{"start":50}' "$H/demo.item.list"
        check "$1 (faulty=$FAULTY): second page" test "$(has '"TITLE":"t51"' && echo 0 || echo 1)" = "$FAULTY" ;;
      list-drops-next)
        req "${J[@]}" -d '{}' "$H/demo.item.list"
        check "$1 (faulty=$FAULTY): next" test "$(has '"next":50' && echo 0 || echo 1)" = "$FAULTY" ;;
      list-wrong-total)
        req "${J[@]}" -d '{}' "$H/demo.item.list"
        check "$1 (faulty=$FAULTY): total" test "$(has '"total":52' && echo 0 || echo 1)" = "$FAULTY" ;;
      list-ignores-filter)
        req "${J[@]}" -d '{"filter":{"TITLE":"t3"}}' "$H/demo.item.list"
        check "$1 (faulty=$FAULTY): filtered" test "$(has '"total":1,' && echo 0 || echo 1)" = "$FAULTY" ;;
      list-ignores-select)
        req "${J[@]}" -d '{"filter":{">=SORT":3,"<SORT":4},"select":["TITLE"]}' "$H/demo.item.list"
        check "$1 (faulty=$FAULTY): selected" test "$(lacks '"SORT"' && has '"TITLE":"t3"' && echo 0 || echo 1)" = "$FAULTY" ;;
    esac ;;
  keep-one-old-value)
    req "${J[@]}" -d '{"fields":{"TITLE":"a","SORT":1}}' "$H/demo.item.add"
    local item
    item=$(sed -nE 's/^\{"result":([0-9]+),.*/\1/p' <<<"$BODY")
    req "${J[@]}" -d "{\"id\":$item,\"fields\":{\"TITLE\":\"b\",\"SORT\":2}}" "$H/demo.item.update"
    req "${J[@]}" -d "{\"id\":$item}" "$H/demo.item.get"
    check "$1 (faulty=$FAULTY): both values read back" test "$(has '"TITLE":"b"' && matches '"SORT":"?2"?[,}]' && echo 0 || echo 1)" = "$FAULTY" ;;
  batch-ignores-halt)
    req "${J[@]}" -d '{"halt":1,"cmd":{"bad":"no.such.method","after":"demo.item.list"}}' "$H/batch"
    check "$1 (faulty=$FAULTY): halted" test "$(has '"after":' && echo 1 || echo 0)" = "$FAULTY" ;;
  error-status-200)
    req "${J[@]}" -d '{}' "$H/user.update"
    check "$1 (faulty=$FAULTY): status of an error" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 200 || echo 400)" ;;
  accept-out-of-enum)
    req "${J[@]}" -d '{"fields":{"TITLE":"x","ACTIVE":"maybe"}}' "$H/demo.item.add"
    check "$1 (faulty=$FAULTY): ACTIVE outside Y/N" test "$STATUS" = "$([ "$FAULTY" = 1 ] && echo 200 || echo 400)" ;;
  *)
    check "fault $1 has a probe in faults.sh" false ;;
  esac
}

faults=$("$B24_BIN" mock --list-faults)
check "--list-faults lists the five promised faults" \
  bash -c 'for f in wrong-status missing-result-field wrong-field-type undocumented-error skip-required-check; do grep -qx "$f" <<<"$0" || exit 1; done' "$faults"
check "--list-faults --verbose says what each breaks" bash -c "'$B24_BIN' mock --list-faults --verbose | grep -q '^ignore-auth .*breaks: '"
# The documented answers, from one clean server for the seed pages (and one for
# the deal pages), then each fault on its own server.
FAMILY_DOCS=$(cd "$(dirname "$0")/../data/check/family" && pwd)
docs_for() {
  if [ "$1" = lose-writes ]; then
    echo "$DEALS"/crm-deal-add.md "$DEALS"/crm-deal-get.md "$DEALS"/crm-deal-update.md
  elif [[ $1 == list-* || $1 == keep-one-old-value || $1 == accept-out-of-enum || $1 == batch-* ]]; then
    echo "$FAMILY_DOCS"
  else
    echo "$DOCS"
  fi
}
have_deals=0
[ -d "$DEALS" ] && have_deals=1
[ $have_deals = 1 ] || echo "skipped: lose-writes (no corpus)"
FAULTY=0
start_mock clean "$DOCS" --port 0
for f in $faults; do [ "$(docs_for "$f")" = "$DOCS" ] && probe "$f"; done
stop_mock clean
for f in $faults; do
  [ "$(docs_for "$f")" = "$FAMILY_DOCS" ] || continue
  start_mock clean_family "$FAMILY_DOCS" --port 0
  probe "$f"
  stop_mock clean_family
done
if [ $have_deals = 1 ]; then
  # shellcheck disable=SC2046
  start_mock clean_deals $(docs_for lose-writes) --port 0
  probe lose-writes
  stop_mock clean_deals
fi
FAULTY=1
for f in $faults; do
  [ "$f" = lose-writes ] && [ $have_deals = 0 ] && continue
  # shellcheck disable=SC2046
  start_mock faulty $(docs_for "$f") --port 0 --fault "$f"
  probe "$f"
  stop_mock faulty
done
finish
