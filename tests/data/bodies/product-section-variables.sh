# corpus: b24restdocs-2026-08-21/api-reference/crm/outdated/product-section/crm-product-section-add.md:48 (cURL (Webhook))
catalogId=$(prompt "Enter Catalog ID")
sectionId=$(prompt "Enter Parent Section ID (0 if at root)")
sectionName=$(prompt "Enter Section Name")

curl -X POST \
-H "Content-Type: application/json" \
-H "Accept: application/json" \
-d '{
    "fields": {
        "CATALOG_ID": '"$catalogId"',
        "NAME": "'"$sectionName"'",
        "SECTION_ID": '"$sectionId"'
    }
}' \
https://**put_your_bitrix24_address**/rest/**put_your_user_id_here**/**put_your_webhook_here**/crm.productsection.add
