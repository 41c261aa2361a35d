#!/usr/bin/env bash
# Read-after-write on families of the corpus: crm.deal.* (classic, JSON and form
# bodies), user.userfield.* (no get: read back through list), the REST 3.0
# tasks.task.* under /rest/api/ and memberships (im.chat.user, crm.activity.binding). Skips (77) without the corpus.
# usage: crud.sh B24SPEC CORPUS_ROOT
B24_BIN=$1
DOCS=$2/b24restdocs-2026-08-21
[ -d "$DOCS" ] || { echo "SKIP: no corpus at $DOCS"; exit 77; }
source "$(dirname "$0")/lib.sh"
J=(-H 'Content-Type: application/json')
start_mock corpus "$DOCS" --port 0
H="$URL/rest/1/mocksecret"
id_of() { sed -nE 's/^\{"result":"?([0-9]+)"?,.*/\1/p' <<<"$BODY"; }

# crm.deal: add two (JSON, then a nested form body as BX24.js sends it).
req "${J[@]}" -d '{"fields":{"TITLE":"First","OPPORTUNITY":"10.00","CURRENCY_ID":"USD"}}' "$H/crm.deal.add"
expect "crm.deal.add (JSON) answers an id like the docs' example (an integer)" 200 '{"result":100001,'
A=$(id_of)
req -d 'fields[TITLE]=Second&fields[UF_CRM_LIST][]=x&fields[UF_CRM_LIST][]=y' "$H/crm.deal.add"
expect "crm.deal.add (form)" 200 '"result":'
B=$(id_of)
check "ids differ" test -n "$A" -a -n "$B" -a "$A" != "$B"

req "${J[@]}" -d "{\"ID\":$A}" "$H/crm.deal.get"
expect "get returns what was written, in the shape of the docs' get example" 200 \
  "{\"result\":{\"ID\":\"$A\",\"TITLE\":\"First\"," '"CURRENCY_ID":"USD"' '"OPPORTUNITY":"10.00"' '"STAGE_ID":"PREPARATION"'
req -d "id=$B" "$H/crm.deal.get"
expect "get of the form-written deal: nested list decoded" 200 "\"ID\":\"$B\",\"TITLE\":\"Second\"" '"UF_CRM_LIST":["x","y"]'

req "${J[@]}" -d "{\"id\":$A,\"fields\":{\"TITLE\":\"Renamed\"}}" "$H/crm.deal.update"
expect "update" 200 '{"result":true,'
req "${J[@]}" -d "{\"id\":$A}" "$H/crm.deal.get"
expect "get after update: merged" 200 '"TITLE":"Renamed"' '"OPPORTUNITY":"10.00"'

req "${J[@]}" -d '{}' "$H/crm.deal.list"
expect "list shows both" 200 "\"ID\":\"$A\"" "\"ID\":\"$B\"" '"total":2'

req "${J[@]}" -d "{\"id\":$A}" "$H/crm.deal.delete"
expect "delete" 200 '{"result":true,'
req "${J[@]}" -d "{\"id\":$A}" "$H/crm.deal.get"
expect "get after delete: documented not-found error" 400 '{"error":"","error_description":"Not found"}'
req "${J[@]}" -d "{\"id\":$A,\"fields\":{\"TITLE\":\"x\"}}" "$H/crm.deal.update"
expect "update after delete: documented not-found error" 400 '"error_description":"Not found"'
req "${J[@]}" -d "{\"id\":$A}" "$H/crm.deal.delete"
expect "delete twice: not found" 400 '"error":"'
req "${J[@]}" -d '{}' "$H/crm.deal.list"
expect "list after delete" 200 "\"ID\":\"$B\"" '"total":1'
check "deleted deal not listed" lacks "\"ID\":\"$A\""
req "${J[@]}" -d '{"id":410}' "$H/crm.deal.get"
expect "an id the store never issued: the docs' example" 200 '"ID":"410","TITLE":"New Deal #1"'
req "${J[@]}" -d '{}' "$H/crm.deal.get"
expect "get without id: documented error" 400 '"error_description":"ID is not defined or invalid"'

# user.userfield: add, read back with list, update, delete.
req "${J[@]}" -d '{"fields":{"FIELD_NAME":"UF_MOCK","USER_TYPE_ID":"string","SORT":"42"}}' "$H/user.userfield.add"
expect "user.userfield.add" 200 '{"result":100001,'
U=$(id_of)
req "${J[@]}" -d "{\"id\":$U,\"fields\":{\"SORT\":\"7\"}}" "$H/user.userfield.update"
expect "user.userfield.update" 200 '{"result":true,'
req "${J[@]}" -d '{}' "$H/user.userfield.list"
expect "user.userfield.list shows the merged field" 200 "\"ID\":\"$U\"" '"FIELD_NAME":"UF_MOCK"' '"SORT":"7"'
req "${J[@]}" -d '{"fields":{"FIELD_NAME":"UF_MOCK"}}' "$H/user.userfield.add"
expect "user.userfield.add without required USER_TYPE_ID" 400 '"error":'
req "${J[@]}" -d "{\"id\":$U}" "$H/user.userfield.delete"
expect "user.userfield.delete" 200 '{"result":true,'
req "${J[@]}" -d "{\"id\":$U,\"fields\":{\"SORT\":\"1\"}}" "$H/user.userfield.update"
check "update of the deleted field fails" test "$STATUS" = 400

# REST 3.0 under /rest/api/: the answer's item carries what was written.
V="$URL/rest/api/1/mocksecret"
req "${J[@]}" -d '{"fields":{"title":"Mock task","creatorId":1,"responsibleId":2}}' "$V/tasks.task.add"
expect "tasks.task.add (REST 3.0)" 200 '{"result":{"item":{"id":100001,"title":"Mock task",' '"operating_reset_at":'
req "${J[@]}" -d '{"id":100001}' "$V/tasks.task.get"
expect "tasks.task.get" 200 '{"result":{"item":{"id":100001,"title":"Mock task",' '"responsibleId":2'
req "${J[@]}" -d '{"id":100001,"fields":{"title":"Renamed task"}}' "$V/tasks.task.update"
expect "tasks.task.update" 200 '{"result":{"result":true},'
req "${J[@]}" -d '{"id":100001}' "$V/tasks.task.get"
expect "tasks.task.get after update" 200 '"title":"Renamed task"'
req "${J[@]}" -d '{"fields":{"title":"Second task","creatorId":1,"responsibleId":2}}' "$V/tasks.task.add"
req "${J[@]}" -d '{"filter":[["id","=",100001]]}' "$V/tasks.task.list"
expect "a REST 3.0 filter: [[id, =, 100001]]" 200 '"id":100001,'
check "  and not the other task" lacks '"id":100002'
req "${J[@]}" -d '{"filter":[["id",">",100001],["responsibleId",2]]}' "$V/tasks.task.list"
expect "a REST 3.0 filter: [[id, >, 100001], [responsibleId, 2]]" 200 '"id":100002,'
check "  and not the first task" lacks '"id":100001'
req "${J[@]}" -d '{"filter":[["id","between",[100001,100002]]]}' "$V/tasks.task.list"
expect "a REST 3.0 filter: between" 200 '"id":100001,' '"id":100002,'
req "${J[@]}" -d '{"id":100001}' "$V/tasks.task.delete"
expect "tasks.task.delete" 200 '{"result":{"result":true},'
req "${J[@]}" -d '{"id":100001}' "$V/tasks.task.get"
expect "tasks.task.get after delete: documented REST 3.0 error" 400 '{"error":{"code":"BITRIX_REST_V3_EXCEPTION_ENTITYNOTFOUNDEXCEPTION"'
req "${J[@]}" -d '{"fields":{"title":"No creator"}}' "$V/tasks.task.add"
expect "tasks.task.add without required fields.creatorId" 400 \
  '"code":"BITRIX_REST_V3_EXCEPTION_VALIDATION_REQUESTVALIDATIONEXCEPTION"' '"field":"fields.creatorId"'
req "${J[@]}" -d '{"fields":{"title":"T","creatorId":1,"responsibleId":2}}' "$H/tasks.task.add"
expect "the classic tasks.task.add is another method" 200 '"result":'
check "and is not the REST 3.0 one" lacks '"item":{"id":100001'

# Memberships (the model's member_of): users in a chat, kept per chat.
req "${J[@]}" -d '{"CHAT_ID":77,"USERS":[5001,"5002"]}' "$H/im.chat.user.add"
expect "im.chat.user.add answers as documented" 200 '{"result":true,'
req "${J[@]}" -d '{"CHAT_ID":77}' "$H/im.chat.user.list"
expect "the chat's list: its members, as numbers like the docs' list" 200 '{"result":[5001,5002],'
req -d 'CHAT_ID=77&USER_ID=5001' "$H/im.chat.user.delete"
expect "im.chat.user.delete (form)" 200 '{"result":true,'
req "${J[@]}" -d '{"CHAT_ID":77}' "$H/im.chat.user.list"
expect "the deleted member is gone" 200 '{"result":[5002],'
req "${J[@]}" -d '{"CHAT_ID":2935}' "$H/im.chat.user.list"
expect "a chat the store never added to: the docs' example" 200 '{"result":[99,1269,1271],'
req "${J[@]}" -d '{"activityId":5,"entityTypeId":2,"entityId":7}' "$H/crm.activity.binding.add"
req "${J[@]}" -d '{"activityId":5,"entityTypeId":3,"entityId":7}' "$H/crm.activity.binding.add"
req "${J[@]}" -d '{"activityId":5,"entityTypeId":2,"entityId":7}' "$H/crm.activity.binding.delete"
req "${J[@]}" -d '{"activityId":5}' "$H/crm.activity.binding.list"
expect "bindings are told apart by type and id" 200 '{"result":[{"entityTypeId":3,"entityId":7}],'

# The docs' own request examples, read as PHP reads them: an object where the
# docs say `array`, a number where they say string.
req "${J[@]}" -d '{"filter":{"=CATEGORY":"text"},"limit":2}' "$H/ai.engine.list"
expect "ai.engine.list example (object for a documented array)" 200 '"result":'
req "${J[@]}" -d '{"id":5,"rows":[{"PRODUCT_ID":456,"PRICE":1000,"QUANTITY":10,"MEASURE_CODE":796,"MEASURE_NAME":"pcs"}]}' "$H/crm.lead.productrows.set"
expect "crm.lead.productrows.set example (number for a documented string)" 200 '"result":'
req "${J[@]}" -d '{"id":"your_product_id"}' "$H/crm.product.get"
expect "a placeholder id is still the wrong type" 400 '"error":'
stop_mock corpus
finish
