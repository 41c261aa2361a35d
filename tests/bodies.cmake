# Example request bodies: the shell, JS and PHP readers on real snippets of the
# corpus (tests/data/bodies/, each with its corpus path), and the corpus counts.
add_executable(read_body ${CMAKE_CURRENT_LIST_DIR}/bodies/read_body.c)
target_link_libraries(read_body PRIVATE b24core)
add_test(NAME bodies.snippets
  COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/bodies/snippets.sh $<TARGET_FILE:read_body> ${CMAKE_CURRENT_LIST_DIR}/data/bodies)
find_program(NODE node)
add_test(NAME bodies.corpus COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/bodies/corpus.mjs)
set_tests_properties(bodies.corpus PROPERTIES SKIP_RETURN_CODE 77
  ENVIRONMENT "B24_BIN=$<TARGET_FILE:b24spec>;B24_ROOT=${B24_ROOT};B24_CORPUS=${B24_CORPUS}")
# Inputs the fuzzers found, kept as regressions: each read without a crash, an
# error and no body (kept-text-not-utf8: a shell expansion with bytes that are
# not UTF-8 once gave a body and an error at once).
add_test(NAME bodies.fuzz_regressions
  COMMAND bash -c "for f in ${CMAKE_CURRENT_LIST_DIR}/data/bodies/fuzz/*; do
      case $f in *.sh.bin) l=curl;; *.js.bin) l=js;; *.php.bin) l=php;; esac
      out=$($<TARGET_FILE:read_body> $l < $f); test $? -le 2 || exit 1
      grep -q '^error: ' <<<\"$out\" && ! grep -q '^[{[]' <<<\"$out\" || { echo \"$f: $out\" | head -c 400; exit 1; }
    done")
