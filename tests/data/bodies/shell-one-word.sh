# written for the test: one body word from $'...', a double-quoted part with an
# expansion and an escaped quote, and an unquoted part with backslashes
curl -s --data-raw $'{"a":"tab\\there","b":"it\'s",'"\"c\":\"\$HOME is ${HOME}\","\"d\":1'}' https://example.com
