// corpus: b24restdocs-2026-08-21/api-reference/crm/companies/custom-form/crm-company-details-configuration-set.md:406 (PHP CRest)
require_once('crest.php');

$result = CRest::call(
    'crm.company.details.configuration.set',
    [
        'userId' => 1,
        'data' => [
            [
                'name' => 'main',
                'title' => 'About the Company',
                'type' => 'section',
                'elements' => [
                    ['name' => 'TITLE'],
                    ['name' => 'LOGO'],
                    ['name' => 'COMPANY_TYPE'],
                    ['name' => 'POST'],
                    [
                        'name' => 'PHONE',
                        'options' => [
                            'defaultCountry' => 'DE',
                        },
                    ],
                    ['name' => 'EMAIL'],
                    ['name' => 'CONTACT'],
                ]
            ],
            [
                'name' => 'additional',
                'title' => 'Additional',
                'type' => 'section',
                'elements' => [
                    ['name' => 'INDUSTRY'],
                    ['name' => 'OPENED'],
                    ['name' => 'ASSIGNED_BY_ID'],
                    ['name' => 'COMMENTS'],
                ]
            ],
        ]
    }
);

echo '<PRE>';
print_r($result);
echo '</PRE>';
