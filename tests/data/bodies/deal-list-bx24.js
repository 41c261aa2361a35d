// corpus: b24restdocs-2026-08-21/api-reference/crm/deals/crm-deal-list.md:377 (BX24.js)
const now = new Date();
const sixMonthAgo = new Date();
sixMonthAgo.setMonth(now.getMonth() - 6);

BX24.callMethod(
    'crm.deal.list',
    {
        select: [
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
        filter: {
            '=%TITLE': '%a',
            CATEGORY_ID: 1,
            TYPE_ID: 'COMPLEX',
            STAGE_ID: 'C1:NEW',
            '>OPPORTUNITY': 10000,
            '<=OPPORTUNITY': 20000,
            IS_MANUAL_OPPORTUNITY: 'Y',
            '@ASSIGNED_BY_ID': [1, 6],
            '>DATE_CREATE': sixMonthAgo,
        },
        order: {
            TITLE: 'ASC',
            OPPORTUNITY: 'ASC',
        },
    },
    (result) => {
        result.error()
            ? console.error(result.error())
            : console.info(result.data())
        ;
    },
);
