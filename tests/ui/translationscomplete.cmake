# Fails when a user-visible string has no zh_CN translation: runs lupdate over the
# sources into a scratch copy of the .ts file and counts unfinished messages.
file(COPY_FILE ${TS_FILE} ${WORK}/check.ts)
execute_process(COMMAND ${LUPDATE} -no-obsolete -locations none ${INCLUDES} ${SOURCES} -ts ${WORK}/check.ts
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(READ ${WORK}/check.ts ts)
string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished count)
if(count GREATER 0)
  string(REGEX MATCHALL "<source>[^<]*</source>\n[ ]*<translation type=\"unfinished\"" missing "${ts}")
  message(FATAL_ERROR "${count} strings have no translation in ${TS_FILE}:\n${missing}\n"
                      "Run: cmake --build build --target update_translations, then translate them.")
endif()
