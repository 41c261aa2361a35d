# Events: the model's events from the real docs, their schemas and webhooks, the
# lint rule that checks payload examples against them.
find_program(NODE node)
set(B24_EVENTS_ENV B24_BIN=$<TARGET_FILE:b24spec> B24_ROOT=${B24_ROOT} B24_CORPUS=${B24_CORPUS})
foreach(t model gen)
  add_test(NAME events.${t} COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/events/${t}.mjs)
  set_tests_properties(events.${t} PROPERTIES ENVIRONMENT "${B24_EVENTS_ENV}" SKIP_RETURN_CODE 77)
endforeach()

# The generated decoders of the whole corpus on every payload example; under
# valgrind too (not in a sanitizer build, where the flags go to the compile).
if(B24_SANITIZE)
  set(B24_EVENTS_CFLAGS "-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined")
else()
  set(B24_EVENTS_CFLAGS "")
endif()
add_test(NAME events.decoders
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/events/decoders.sh $<TARGET_FILE:b24spec>
          ${B24_CORPUS}/b24restdocs-2026-08-21 ${CMAKE_CURRENT_BINARY_DIR}/events-decoders
          ${B24_ROOT}/src/runtime $<TARGET_FILE:b24rt> ${CMAKE_C_COMPILER} "${B24_EVENTS_CFLAGS}")
set_tests_properties(events.decoders PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
find_program(B24_EVENTS_VALGRIND valgrind)
if(B24_EVENTS_VALGRIND AND NOT B24_SANITIZE)
  add_test(NAME events.decoders.valgrind
    COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/events/decoders.sh $<TARGET_FILE:b24spec>
            ${B24_CORPUS}/b24restdocs-2026-08-21 ${CMAKE_CURRENT_BINARY_DIR}/events-decoders-vg
            ${B24_ROOT}/src/runtime $<TARGET_FILE:b24rt> ${CMAKE_C_COMPILER} "" ${B24_EVENTS_VALGRIND})
  set_tests_properties(events.decoders.valgrind PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900)
endif()

# The mock's event.* methods and deliveries against real receivers on loopback.
add_test(NAME events.mock COMMAND ${NODE} ${CMAKE_CURRENT_LIST_DIR}/events/mock.mjs $<TARGET_FILE:b24spec> ${B24_CORPUS})
set_tests_properties(events.mock PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The runner's --events-listen against the mock.
add_test(NAME events.check COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/events/check.sh $<TARGET_FILE:b24spec>
         ${B24_CORPUS} ${CMAKE_CURRENT_BINARY_DIR}/events-check)
set_tests_properties(events.check PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# The runtime's body decoder and token check on known cases (valgrind too).
add_executable(test_event_form_decode ${CMAKE_CURRENT_LIST_DIR}/events/test_form_decode.c)
target_link_libraries(test_event_form_decode PRIVATE b24rt)
add_test(NAME events.form_decode COMMAND test_event_form_decode)
if(B24_EVENTS_VALGRIND AND NOT B24_SANITIZE)
  add_test(NAME events.form_decode.valgrind
    COMMAND ${B24_EVENTS_VALGRIND} --quiet --error-exitcode=99 --leak-check=full $<TARGET_FILE:test_event_form_decode>)
endif()
