# amity_npm_ci(<folder> <stamp variable>): a build rule that runs `npm ci` in <folder> when its
# node_modules is missing or package.json / package-lock.json is newer than the last install.
# Sets <stamp variable> to the file the rule produces, for DEPENDS of the steps that need it.
function(amity_npm_ci folder stamp_variable)
  set(stamp ${folder}/node_modules/.amity-npm-ci.stamp)
  add_custom_command(
    OUTPUT ${stamp}
    COMMAND ${NPM_EXECUTABLE} ci --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${stamp}
    WORKING_DIRECTORY ${folder}
    DEPENDS ${folder}/package.json ${folder}/package-lock.json
    COMMENT "npm ci (${folder})"
    VERBATIM)
  set(${stamp_variable} ${stamp} PARENT_SCOPE)
endfunction()
