# b24spec diff.
add_test(NAME diff.cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diff/diff.sh $<TARGET_FILE:b24spec> ${B24_ROOT} ${B24_CORPUS})
find_program(NODE node)
add_test(NAME diff.schema COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/diff/schema.mjs $<TARGET_FILE:b24spec> ${B24_ROOT} ${B24_CORPUS})
set_tests_properties(diff.schema PROPERTIES SKIP_RETURN_CODE 77)
add_test(NAME diff.real COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diff/real.sh $<TARGET_FILE:b24spec> ${B24_ROOT} ${B24_CORPUS})
