<?xml version="1.0" encoding="UTF-8"?>
<!-- Inline markup with HTML meaning (links, emphasis), for every document type. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:template name="line-break"><br/></xsl:template>
  <!-- An identifier (X.1062, SG17-R6, a telephone number); in a right-to-left page a
       left-to-right isolate (an element with dir isolates, HTML 5 §3.2.6.4), so that
       it keeps its order among the Arabic words. -->
  <xsl:template name="identifier">
    <xsl:param name="v"/>
    <xsl:param name="join" select="false()"/>
    <xsl:choose>
      <xsl:when test="$dir = 'rtl' and $join"><span class="ltr-run"><xsl:value-of select="$v"/></span></xsl:when>
      <xsl:when test="$dir = 'rtl'"><bdi dir="ltr"><xsl:value-of select="$v"/></bdi></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- dir="ltr" on an element (a link) whose text is an address, in a right-to-left page. -->
  <xsl:template name="ltr-attr">
    <xsl:if test="$dir = 'rtl'"><xsl:attribute name="dir">ltr</xsl:attribute></xsl:if>
  </xsl:template>

  <xsl:template match="*[local-name() = 'email']" mode="inline">
    <a href="mailto:{.}"><xsl:if test="$dir = 'rtl'"><xsl:attribute name="dir">ltr</xsl:attribute></xsl:if><xsl:value-of select="."/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'url']" mode="inline">
    <a><xsl:attribute name="href"><xsl:call-template name="url-href"/></xsl:attribute><xsl:if test="$dir = 'rtl'"><xsl:attribute name="dir">ltr</xsl:attribute></xsl:if><xsl:value-of select="."/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'link']" mode="inline">
    <a href="{@href}"><xsl:apply-templates mode="inline"/></a>
  </xsl:template>

  <xsl:template match="*[local-name() = 'b']" mode="inline"><strong><xsl:apply-templates mode="inline"/></strong></xsl:template>
  <xsl:template match="*[local-name() = 'i']" mode="inline"><em><xsl:apply-templates mode="inline"/></em></xsl:template>
</xsl:stylesheet>
