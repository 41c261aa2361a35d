// corpus: b24restdocs-2026-08-21/api-reference/crm/deals/crm-deal-list.md:423 (PHP CRest)
require_once('crest.php');

$sixMonthAgo = (new DateTime())->modify('-6 months')->format('Y-m-d');

$result = CRest::call(
    'crm.deal.list',
    [
        'SELECT' => [
            'ID',
            'TITLE',
            'TYPE_ID',
            'CATEGORY_ID',
            'STAGE_ID',
            'OPPORTUNITY',
            'IS_MANUAL_OPPORTUNITY',
            'ASSIGNED_BY_ID',
            'DATE_CREATE',
        ],
        'FILTER' => [
            '=%TITLE' => '%a',
            'CATEGORY_ID' => 1,
            'TYPE_ID' => 'COMPLEX',
            'STAGE_ID' => 'C1:NEW',
            '>OPPORTUNITY' => 10000,
            '<=OPPORTUNITY' => 20000,
            'IS_MANUAL_OPPORTUNITY' => 'Y',
            '@ASSIGNED_BY_ID' => [1, 6],
            '>DATE_CREATE' => $sixMonthAgo,
        ],
        'ORDER' => [
            'TITLE' => 'ASC',
            'OPPORTUNITY' => 'ASC',
        ],
    ]
);

echo '<PRE>';
print_r($result);
echo '</PRE>';
