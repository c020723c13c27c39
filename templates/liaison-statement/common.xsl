<?xml version="1.0" encoding="UTF-8"?>
<!-- What the HTML and the XSL-FO of a liaison statement share: the string catalog and
     the list of routing fields, in the order they are printed. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:l="urn:circgen:liaison-statement"
                xmlns:s="urn:circgen:strings"
                exclude-result-prefixes="l s">

  <xsl:include href="../common/l10n.xsl"/>
  <xsl:include href="../common/inline.xsl"/>

  <xsl:variable name="lang" select="/l:liaison/@xml:lang"/>
  <xsl:variable name="strings" select="document(concat('strings/', $lang, '.xml'))/s:strings"/>
  <xsl:variable name="out-lang">
    <xsl:call-template name="output-lang"><xsl:with-param name="lang" select="$lang"/></xsl:call-template>
  </xsl:variable>

  <!-- The fields as <field key="label-..."> elements holding their value's nodes; the
       output stylesheet turns each into a row. Contacts stay elements so that the
       output can make their addresses links. -->
  <xsl:template name="fields">
    <xsl:variable name="ls" select="/l:liaison"/>
    <field key="label-state"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('state-', $ls/@state)"/></xsl:call-template></field>
    <field key="label-submitted"><xsl:call-template name="format-date"><xsl:with-param name="iso" select="$ls/@submitted"/></xsl:call-template></field>
    <field key="label-from-group"><xsl:value-of select="$ls/l:from/l:group"/></field>
    <field key="label-from-contact"><xsl:copy-of select="$ls/l:from/l:contact"/></field>
    <field key="label-to-groups">
      <xsl:for-each select="$ls/l:to/l:group">
        <xsl:if test="position() > 1"><xsl:call-template name="str"><xsl:with-param name="key" select="'list-separator'"/></xsl:call-template></xsl:if>
        <xsl:value-of select="."/>
      </xsl:for-each>
    </field>
    <xsl:if test="$ls/l:to/l:contact"><field key="label-to-contacts"><xsl:copy-of select="$ls/l:to/l:contact"/></field></xsl:if>
    <xsl:if test="$ls/l:cc"><field key="label-cc"><xsl:copy-of select="$ls/l:cc/l:contact"/></field></xsl:if>
    <xsl:if test="$ls/l:response-contacts"><field key="label-response-contacts"><xsl:copy-of select="$ls/l:response-contacts/l:contact"/></field></xsl:if>
    <xsl:if test="$ls/l:technical-contacts"><field key="label-technical-contacts"><xsl:copy-of select="$ls/l:technical-contacts/l:contact"/></field></xsl:if>
    <xsl:if test="$ls/l:action-holders"><field key="label-action-holders"><xsl:copy-of select="$ls/l:action-holders/l:contact"/></field></xsl:if>
    <field key="label-purpose"><xsl:call-template name="str"><xsl:with-param name="key" select="concat('purpose-', $ls/@purpose)"/></xsl:call-template></field>
    <xsl:if test="$ls/@deadline">
      <field key="label-deadline">
        <xsl:call-template name="format-date"><xsl:with-param name="iso" select="$ls/@deadline"/></xsl:call-template>
        <xsl:if test="$ls/@deadline-status">
          <xsl:text> </xsl:text>
          <xsl:call-template name="str"><xsl:with-param name="key" select="concat('deadline-', $ls/@deadline-status)"/></xsl:call-template>
        </xsl:if>
      </field>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
