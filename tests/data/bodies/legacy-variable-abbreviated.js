// corpus: b24restdocs-2025-08-20/api-reference/imopenlines/openlines/imopenlines-config-list-get.md:57 (JS)
//imopenlines.config.list.get
function configListGet()
{
    var params = {
        PARAMS: {
            select: [
                'ID',
                ...
            ],
            order: {
                ID: 'ASC',
                ...
            },
            filter: {
                ID: 1,
                ...
            }
        },
        OPTIONS: {
            QUEUE: 'Y'
        }
    };
    BX24.callMethod(
        'imopenlines.config.list.get',
        params,
        function (result) {
            if (result.error())
                alert("Error: " + result.error());
            else
                alert("Success: " + result.data());
        }
    );
}
