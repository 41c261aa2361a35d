# b24spec diff.
add_test(NAME diff.cli COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/diff/diff.sh $<TARGET_FILE:b24spec> ${B24_ROOT} ${B24_CORPUS})
