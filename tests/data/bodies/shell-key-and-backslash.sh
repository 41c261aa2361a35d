# written for the test: an expansion as a key, \' outside quotes, '\'' in the body
curl -X POST -d '{"'"$KEY"'":1,"name":"O'\''Brien","n":'$N'}' https://example.com/rest/x.y
