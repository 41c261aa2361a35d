# corpus: b24restdocs-2026-08-21/api-reference/vote/vote.attachedvote.getAnswerVoted.md:89 (cURL (Webhook))
curl -X POST \
-H "Content-Type: application/json" \
-H "Accept: application/json" \
-d '{"attachId":**put_attach_id**,"answerId":**put_answer_id**,"pageNavigation":{"pageSize":**put_page_size**,"currentPage":**put_page**},"userForMobileFormat":false}' \
https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/vote.AttachedVote.getAnswerVoted
