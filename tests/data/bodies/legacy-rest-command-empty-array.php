// corpus: b24restdocs-2025-08-20/api-reference/chats/im-counters-get.md:61 (PHP)
$result = restCommand(
    'im.counters.get',
    array(),
    $_REQUEST[
        "auth"
    ]
);    
