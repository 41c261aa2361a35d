# corpus: b24restdocs-2026-08-21/api-reference/catalog/section/catalog-section-add.md:76 (cURL (Webhook))
-X POST \
-H "Content-Type: application/json" \
-H "Accept: application/json" \
-d '{
    "fields": {
        "name": "Children's Toys",
        "iblockId": 14,
        "iblockSectionId": 13,
        "sort": "100",
        "active": "Y",
        "code": "toys",
        "xmlId": "myXmlId",
        "description": "Products for children - toys",
        "descriptionType": "text"
    }
}' \
https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/catalog.section.add
