# written for the test (no corpus page has all of these): $'...' escapes, a
# double-quoted body with escapes, --data=, a line continuation, two -d joined
# with & (so the body is not JSON: curl sends a=1&b=2 style data)
curl -s --data=$'{"a":"tab\\there","b":"it\'s",' \
  -d "\"c\":\"\$HOME is ${HOME}\",\"d\":\"x\\\\y\"}"
