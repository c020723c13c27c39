<?xml version="1.0" encoding="UTF-8"?>
<!-- A liaison statement as an HTML5 page: title, the routing fields as a description
     list, attachments, body. circgen passes $css, the text of html.css. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:l="urn:circgen:liaison-statement"
                xmlns:exsl="http://exslt.org/common"
                extension-element-prefixes="exsl"
                exclude-result-prefixes="l">

  <xsl:include href="common.xsl"/>
  <xsl:include href="../common/html-inline.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>
  <xsl:param name="css" select="''"/>

  <xsl:template match="/l:liaison">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$out-lang}" dir="{$dir}">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:apply-templates select="l:title" mode="text"/></title>
        <style><xsl:value-of select="$css" disable-output-escaping="yes"/></style>
      </head>
      <body>
        <article>
          <p class="kind"><xsl:call-template name="str"><xsl:with-param name="key" select="'doc-kind'"/></xsl:call-template></p>
          <h1 id="{l:title/@id}"><xsl:apply-templates select="l:title/node()" mode="inline"/></h1>
          <dl class="fields">
            <xsl:variable name="fields"><xsl:call-template name="fields"/></xsl:variable>
            <xsl:for-each select="exsl:node-set($fields)/field">
              <dt><xsl:call-template name="str"><xsl:with-param name="key" select="@key"/></xsl:call-template></dt>
              <dd>
                <xsl:choose>
                  <xsl:when test="l:contact">
                    <ul class="contacts">
                      <xsl:for-each select="l:contact"><li><xsl:apply-templates select="."/></li></xsl:for-each>
                    </ul>
                  </xsl:when>
                  <xsl:otherwise><xsl:copy-of select="node()"/></xsl:otherwise>
                </xsl:choose>
              </dd>
            </xsl:for-each>
            <xsl:if test="l:attachments">
              <dt><xsl:call-template name="str"><xsl:with-param name="key" select="'label-attachments'"/></xsl:call-template></dt>
              <dd>
                <ul class="attachments">
                  <xsl:for-each select="l:attachments/l:attachment">
                    <li id="{@id}">
                      <xsl:choose>
                        <xsl:when test="@href"><a href="{@href}"><xsl:apply-templates mode="inline"/></a></xsl:when>
                        <xsl:otherwise><xsl:apply-templates mode="inline"/></xsl:otherwise>
                      </xsl:choose>
                    </li>
                  </xsl:for-each>
                </ul>
              </dd>
            </xsl:if>
          </dl>
          <section class="body">
            <h2><xsl:call-template name="str"><xsl:with-param name="key" select="'label-body'"/></xsl:call-template></h2>
            <xsl:for-each select="l:body/l:p">
              <p id="{@id}"><xsl:apply-templates mode="inline"/></p>
            </xsl:for-each>
          </section>
        </article>
      </body>
    </html>
  </xsl:template>

  <!-- "The IESG <iesg@ietf.org>", or the bare address. -->
  <xsl:template match="l:contact">
    <xsl:variable name="c">
      <xsl:if test="normalize-space(.)"><xsl:value-of select="normalize-space(.)"/><xsl:text> &lt;</xsl:text></xsl:if>
      <a href="mailto:{@email}"><xsl:value-of select="@email"/></a>
      <xsl:if test="normalize-space(.)"><xsl:text>&gt;</xsl:text></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <!-- right to left: the Latin "Name <address>" isolated left to right -->
      <xsl:when test="$dir = 'rtl'"><bdi dir="ltr"><xsl:copy-of select="$c"/></bdi></xsl:when>
      <xsl:otherwise><xsl:copy-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
