# corpus: b24restdocs-2026-08-21/api-reference/catalog/section/catalog-section-delete.md:35 (cURL (Webhook))
-X POST \
-H "Content-Type: application/json" \
-H "Accept: application/json" \
-d '{"id": 31}' \
https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/catalog.section.delete
