# Events: the model's events from the real docs, their schemas and webhooks, the
# lint rule that checks payload examples against them.
find_program(NODE node)
set(B24_EVENTS_ENV B24_BIN=$<TARGET_FILE:b24spec> B24_ROOT=${B24_ROOT} B24_CORPUS=${B24_CORPUS})
foreach(t model gen)
  add_test(NAME events.${t} COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/events/${t}.mjs)
  set_tests_properties(events.${t} PROPERTIES ENVIRONMENT "${B24_EVENTS_ENV}" SKIP_RETURN_CODE 77)
endforeach()
