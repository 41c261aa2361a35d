// corpus: b24restdocs-2025-08-20/api-reference/crm/timeline/activities/activity-base/crm-activity-list.md:341 (PHP)
require_once('crest.php');

$result = CRest::call(
    'crm.activity.list',
    [
        'order' => ['ID' => 'DESC'],
        'filter' => [
            'BINDINGS' => [
                ['OWNER_TYPE_ID' => 2],
                ['OWNER_TYPE_ID' => 3]
            ]
        ],
        'select' => ['*', 'COMMUNICATIONS']
    ]
);

echo '<PRE>';
print_r($result);
echo '</PRE>';
