<?xml version="1.0" encoding="UTF-8"?>
<!-- Tries, as the source's "try" attribute says: reading a file outside the allowed
     folders, reading over the network, writing a file. The sandbox must refuse each. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:h="urn:circgen:hostile" xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl">
  <xsl:output method="html"/>
  <xsl:template match="/h:doc">
    <html><body>
      <xsl:choose>
        <xsl:when test="@try = 'read-outside'"><p><xsl:value-of select="document('file:///etc/passwd')"/></p></xsl:when>
        <xsl:when test="@try = 'read-network'"><p><xsl:value-of select="document('http://127.0.0.1:9/x.xml')"/></p></xsl:when>
        <xsl:when test="@try = 'write'">
          <exsl:document href="{.}" method="text">pwned</exsl:document>
          <p>wrote</p>
        </xsl:when>
        <xsl:when test="@try = 'read-beside'"><p><xsl:value-of select="document('beside.xml', /)"/></p></xsl:when>
        <xsl:otherwise><p>ok</p></xsl:otherwise>
      </xsl:choose>
    </body></html>
  </xsl:template>
</xsl:stylesheet>
