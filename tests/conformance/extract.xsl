<?xml version="1.0" encoding="UTF-8"?>
<!-- Extracts the FO document of Apache FOP layout testcases.

     Input: a list written by run.sh,
       <list out="/abs/dir/"><t name="NAME" src="/abs/path/NAME.xml"/>...</list>
     Output: one file per testcase, OUT/NAME.fo, holding a copy of the testcase's
     /testcase/fo/fo:root (namespaces and all); nothing else of the testcase (info,
     FOP's checks) is kept. A testcase without an fo:root gets no file (the runner
     reports it as "no-fo"). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    extension-element-prefixes="exsl">
  <xsl:output method="text"/>
  <xsl:template match="/list">
    <xsl:variable name="out" select="@out"/>
    <xsl:for-each select="t">
      <xsl:variable name="root" select="document(@src)/testcase/fo/fo:root"/>
      <xsl:if test="$root">
        <exsl:document href="{concat($out, @name, '.fo')}" method="xml" encoding="UTF-8" indent="no">
          <xsl:copy-of select="$root[1]"/>
        </exsl:document>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
